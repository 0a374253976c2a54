/* Writing and reading CPLEX LP, free MPS and GLPK native files, guarded like the solve. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "guard_internal.h"

typedef struct write_args {
    const cglpk_problem *prob;
    int format;
    const char *path;
    int rc;
} write_args;

static void write_body(cglpk_session *s, void *arg) {
    (void)s;
    write_args *a = (write_args *)arg;
    glp_prob *P = cglpk_build(a->prob);
    switch (a->format) {
    case CGLPK_FMT_CPLEX_LP: a->rc = glp_write_lp(P, NULL, a->path); break;
    case CGLPK_FMT_FREE_MPS: a->rc = glp_write_mps(P, GLP_MPS_FILE, NULL, a->path); break;
    default: a->rc = glp_write_prob(P, 0, a->path); break;
    }
    glp_delete_prob(P);
}

int cglpk_write(const cglpk_problem *prob, int format, const char *path, char *message, size_t message_cap) {
    cglpk_session s;
    int rc = cglpk_session_begin(&s, 0);
    if (rc != CGLPK_OK) return rc;
    write_args a = { prob, format, path, 0 };
    rc = cglpk_run_guarded(&s, write_body, &a, message, message_cap);
    if (rc == CGLPK_OK && a.rc != 0) {
        cglpk_session_last_lines(&s, 2, message, message_cap);
        rc = CGLPK_IO;
    }
    cglpk_session_end(&s, NULL, NULL);
    return rc;
}

/* ---- reading ---- */

typedef struct pool {
    char *buf;
    size_t len, cap;
} pool;

/* Appends a NUL-terminated string; returns its offset, or -1 for NULL. Exits the guard on out of memory. */
static int pool_add(pool *p, const char *text) {
    if (text == NULL) return -1;
    size_t len = strlen(text) + 1;
    if (p->len + len > p->cap) {
        size_t want = p->cap ? p->cap * 2 : 1024;
        while (want < p->len + len) want *= 2;
        char *grown = realloc(p->buf, want);
        if (grown == NULL) return -1;
        p->buf = grown;
        p->cap = want;
    }
    memcpy(p->buf + p->len, text, len);
    int off = (int)p->len;
    p->len += len;
    return off;
}

static void bounds_of(int type, double lb, double ub, double *lo, double *hi) {
    *lo = (type == GLP_LO || type == GLP_DB || type == GLP_FX) ? lb : -HUGE_VAL;
    *hi = (type == GLP_UP || type == GLP_DB || type == GLP_FX) ? ub : HUGE_VAL;
}

typedef struct read_args {
    int format;
    const char *path;
    cglpk_model *out;
    int rc;
    int oom;
} read_args;

static void read_body(cglpk_session *s, void *arg) {
    (void)s;
    read_args *a = (read_args *)arg;
    cglpk_model *out = a->out;
    glp_prob *P = glp_create_prob();
    switch (a->format) {
    case CGLPK_FMT_CPLEX_LP: a->rc = glp_read_lp(P, NULL, a->path); break;
    case CGLPK_FMT_FREE_MPS: a->rc = glp_read_mps(P, GLP_MPS_FILE, NULL, a->path); break;
    default: a->rc = glp_read_prob(P, 0, a->path); break;
    }
    if (a->rc != 0) { glp_delete_prob(P); return; }
    int m = glp_get_num_rows(P), n = glp_get_num_cols(P), nz = glp_get_num_nz(P);
    out->m = m; out->n = n;
    out->maximize = glp_get_obj_dir(P) == GLP_MAX;
    out->obj_const = glp_get_obj_coef(P, 0);
    size_t mm = (size_t)m + 1, nn = (size_t)n + 1, ee = (size_t)nz + 1;
    out->obj = malloc(nn * sizeof(double));
    out->col_lb = malloc(nn * sizeof(double));
    out->col_ub = malloc(nn * sizeof(double));
    out->col_kind = malloc(nn * sizeof(int));
    out->col_name_off = malloc(nn * sizeof(int));
    out->row_lb = malloc(mm * sizeof(double));
    out->row_ub = malloc(mm * sizeof(double));
    out->row_name_off = malloc(mm * sizeof(int));
    out->ia = malloc(ee * sizeof(int));
    out->ja = malloc(ee * sizeof(int));
    out->ar = malloc(ee * sizeof(double));
    int *ind = malloc(mm * sizeof(int));
    double *val = malloc(mm * sizeof(double));
    if (!out->obj || !out->col_lb || !out->col_ub || !out->col_kind || !out->col_name_off || !out->row_lb ||
        !out->row_ub || !out->row_name_off || !out->ia || !out->ja || !out->ar || !ind || !val) {
        a->oom = 1;
        free(ind); free(val);
        glp_delete_prob(P);
        return;
    }
    pool names = {0};
    out->prob_name_off = pool_add(&names, glp_get_prob_name(P));
    for (int i = 1; i <= m; i++) {
        bounds_of(glp_get_row_type(P, i), glp_get_row_lb(P, i), glp_get_row_ub(P, i),
                  &out->row_lb[i - 1], &out->row_ub[i - 1]);
        out->row_name_off[i - 1] = pool_add(&names, glp_get_row_name(P, i));
    }
    int ne = 0;
    for (int j = 1; j <= n; j++) {
        bounds_of(glp_get_col_type(P, j), glp_get_col_lb(P, j), glp_get_col_ub(P, j),
                  &out->col_lb[j - 1], &out->col_ub[j - 1]);
        int kind = glp_get_col_kind(P, j);
        out->col_kind[j - 1] = kind == GLP_BV ? CGLPK_BINARY : kind == GLP_IV ? CGLPK_INTEGER : CGLPK_CONTINUOUS;
        out->obj[j - 1] = glp_get_obj_coef(P, j);
        out->col_name_off[j - 1] = pool_add(&names, glp_get_col_name(P, j));
        int len = glp_get_mat_col(P, j, ind, val);
        for (int k = 1; k <= len && ne < nz; k++) {
            ne++;
            out->ia[ne] = ind[k];
            out->ja[ne] = j;
            out->ar[ne] = val[k];
        }
    }
    out->ne = ne;
    out->names = names.buf;
    free(ind);
    free(val);
    glp_delete_prob(P);
}

int cglpk_read(int format, const char *path, cglpk_model *out, char *message, size_t message_cap) {
    memset(out, 0, sizeof *out);
    out->prob_name_off = -1;
    cglpk_session s;
    int rc = cglpk_session_begin(&s, 0);
    if (rc != CGLPK_OK) return rc;
    read_args a = { format, path, out, 0, 0 };
    rc = cglpk_run_guarded(&s, read_body, &a, message, message_cap);
    if (rc == CGLPK_OK && a.rc != 0) {
        cglpk_session_last_lines(&s, 2, message, message_cap);
        rc = CGLPK_IO;
    } else if (rc == CGLPK_OK && a.oom) {
        strncpy(message, "out of memory while reading the model", message_cap - 1);
        message[message_cap - 1] = '\0';
        rc = CGLPK_IO;
    }
    cglpk_session_end(&s, NULL, NULL);
    if (rc != CGLPK_OK) cglpk_model_free(out);
    return rc;
}

void cglpk_model_free(cglpk_model *model) {
    free(model->obj); free(model->col_lb); free(model->col_ub); free(model->col_kind);
    free(model->row_lb); free(model->row_ub); free(model->ia); free(model->ja); free(model->ar);
    free(model->names); free(model->row_name_off); free(model->col_name_off);
    memset(model, 0, sizeof *model);
    model->prob_name_off = -1;
}
