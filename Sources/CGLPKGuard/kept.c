/* Kept problems: one glp_prob built once and re-solved many times on the thread that made it, patching only
 * the bounds, objective coefficients and matrix columns that changed between solves (what-if sweeps).
 *
 * Safety: the handle is plain malloc memory (not GLPK's), so it survives glp_free_env. It records the creating
 * thread and that thread's generation; every trapped fatal error bumps the generation after freeing the whole
 * environment (guard_session.c). Each entry point compares both before it lets GLPK see the glp_prob. */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include "guard_internal.h"

struct cglpk_kept {
    glp_prob *P;             /* valid only on `owner` while `generation` is the thread's current one */
    pthread_t owner;
    unsigned long generation;
    int m, n;
    int deleted;             /* glp_prob deleted (or freed with the environment) */
};

static int same_thread(const cglpk_kept *k) { return pthread_equal(k->owner, pthread_self()) != 0; }

int cglpk_kept_check(const cglpk_kept *k) {
    if (k == NULL || k->deleted) return CGLPK_STALE;
    if (!same_thread(k)) return CGLPK_WRONG_THREAD;
    if (k->generation != cglpk_generation_now()) return CGLPK_STALE;
    return CGLPK_OK;
}

typedef struct create_args {
    const cglpk_problem *prob;
    int scaling;
    glp_prob *P;
} create_args;

static void create_body(cglpk_session *s, void *arg) {
    (void)s;
    create_args *a = (create_args *)arg;
    a->P = cglpk_build(a->prob);
    if (a->scaling) glp_scale_prob(a->P, GLP_SF_AUTO);
}

int cglpk_kept_create(const cglpk_problem *prob, int scaling, cglpk_kept **out, char *message, size_t message_cap) {
    *out = NULL;
    cglpk_kept *k = calloc(1, sizeof *k);
    if (k == NULL) {
        if (message_cap > 0) { strncpy(message, "out of memory for a kept problem handle", message_cap - 1); message[message_cap - 1] = '\0'; }
        return CGLPK_FATAL;
    }
    cglpk_session s;
    int rc = cglpk_session_begin(&s, 0);
    if (rc != CGLPK_OK) { free(k); return rc; }
    create_args a = { prob, scaling, NULL };
    /* Counted alive before the build, so session_end keeps the environment that now holds it. A trapped error
     * resets the count to 0 and frees everything. */
    cglpk_kept_did_create();
    rc = cglpk_run_guarded(&s, create_body, &a, message, message_cap);
    if (rc == CGLPK_OK) {
        k->P = a.P;
        k->owner = pthread_self();
        k->generation = cglpk_generation_now();
        k->m = prob->m;
        k->n = prob->n;
        *out = k;
    } else {
        free(k);
    }
    cglpk_session_end(&s, NULL, NULL);
    return rc;
}

typedef struct kept_solve_args {
    solve_args solve;
    cglpk_kept *kept;
    const cglpk_patch *patch;
} kept_solve_args;

static void apply_patch(glp_prob *P, const cglpk_patch *p) {
    glp_set_obj_dir(P, p->maximize ? GLP_MAX : GLP_MIN);
    glp_set_obj_coef(P, 0, p->obj_const);
    for (int k = 0; k < p->n_rows; k++) {
        double lb = p->row_lb[k], ub = p->row_ub[k];
        glp_set_row_bnds(P, p->rows[k] + 1, cglpk_bound_type(lb, ub), cglpk_finite_or_zero(lb), cglpk_finite_or_zero(ub));
    }
    for (int k = 0; k < p->n_cols; k++) {
        double lb = p->col_lb[k], ub = p->col_ub[k];
        int j = p->cols[k] + 1;
        glp_set_col_bnds(P, j, cglpk_bound_type(lb, ub), cglpk_finite_or_zero(lb), cglpk_finite_or_zero(ub));
        glp_set_obj_coef(P, j, p->obj[k]);
    }
    for (int k = 0; k < p->n_mat_cols; k++) {
        int len = p->mat_start[k + 1] - p->mat_start[k];
        /* glp_set_mat_col replaces the whole column (len 0 empties it). */
        glp_set_mat_col(P, p->mat_cols[k] + 1, len, p->mat_row_ind + p->mat_start[k], p->mat_val + p->mat_start[k]);
    }
}

static void kept_solve_body(cglpk_session *s, void *arg) {
    (void)s;
    kept_solve_args *ka = (kept_solve_args *)arg;
    solve_args *a = &ka->solve;
    const cglpk_params *pp = a->params;
    glp_prob *P = ka->kept->P;
    if (pp->memory_limit_mb > 0) { cglpk_note_mem_limit(); glp_mem_limit(pp->memory_limit_mb); }
    if (ka->patch != NULL) apply_patch(P, ka->patch);
    glp_set_it_cnt(P, 0); /* GLPK counts iterations per problem object: count this solve's only */
    cglpk_start_basis(P, pp, a->res, ka->kept->m, ka->kept->n, 1);
    cglpk_solve_lp(P, a, ka->kept->m, ka->kept->n, 0);
}

int cglpk_kept_solve(cglpk_kept *kept, const cglpk_patch *patch, const cglpk_params *params, cglpk_result *res) {
    if (kept == NULL || kept->deleted) {
        strncpy(res->message, "the kept GLPK problem was already deleted", sizeof res->message - 1);
        return CGLPK_STALE;
    }
    if (!same_thread(kept)) {
        strncpy(res->message, "a kept GLPK problem was used on a thread other than the one that created it",
                sizeof res->message - 1);
        return CGLPK_WRONG_THREAD;
    }
    if (kept->generation != cglpk_generation_now()) {
        /* A trapped fatal error on this thread freed the environment and this glp_prob with it. */
        kept->deleted = 1;
        strncpy(res->message, "the kept GLPK problem was freed by an earlier trapped GLPK fatal error on this thread",
                sizeof res->message - 1);
        return CGLPK_STALE;
    }
    cglpk_session s;
    int rc = cglpk_solve_session_begin(&s, params, res);
    if (rc != CGLPK_OK) return rc;
    res->fixed_lp_rc = -1;
    kept_solve_args ka;
    memset(&ka, 0, sizeof ka);
    ka.solve.prob = NULL;
    ka.solve.params = params;
    ka.solve.res = res;
    ka.solve.started = cglpk_now();
    ka.kept = kept;
    ka.patch = patch;
    rc = cglpk_run_guarded(&s, kept_solve_body, &ka, res->message, sizeof res->message);
    res->seconds = cglpk_now() - ka.solve.started;
    if (rc != CGLPK_OK) kept->deleted = 1; /* gone with the environment */
    cglpk_session_end(&s, &res->log, &res->log_len);
    return rc;
}

void cglpk_kept_free(cglpk_kept *kept) {
    if (kept == NULL) return;
    if (!kept->deleted && same_thread(kept) && kept->generation == cglpk_generation_now()) {
        /* glp_delete_prob on a live problem of this thread raises no error. */
        glp_delete_prob(kept->P);
        cglpk_kept_did_delete();
        /* The last kept problem gone and no guarded call running: release the environment like a one-shot call. */
        if (cglpk_live_kept_count() == 0 && !cglpk_in_guarded_call()) glp_free_env();
    }
    free(kept);
}
