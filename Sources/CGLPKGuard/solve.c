/* The solve pipeline: build, (warm) start, LP or MIP, extract everything, delete. All inside one guard. */
#include <float.h>
#include <limits.h>
#include <math.h>
#include <string.h>
#include "guard_internal.h"


static int remaining_ms(const cglpk_params *pp, double started) {
    if (pp->time_limit_ms < 0) return INT_MAX;
    double left = (double)pp->time_limit_ms - 1000.0 * (cglpk_now() - started);
    if (left < 1.0) return 1;
    return (int)left;
}

static void init_smcp(glp_smcp *smcp, const cglpk_params *pp, double started, int method) {
    glp_init_smcp(smcp);
    smcp->msg_lev = pp->quiet ? GLP_MSG_ERR : GLP_MSG_ON;
    switch (method) {
    case CGLPK_PRIMAL: smcp->meth = GLP_PRIMAL; break;
    case CGLPK_DUAL: smcp->meth = GLP_DUAL; break;
    default: smcp->meth = GLP_DUALP; break;
    }
    smcp->tm_lim = remaining_ms(pp, started);
    if (pp->iteration_limit >= 0) smcp->it_lim = pp->iteration_limit;
}

static void extract_basic(glp_prob *P, cglpk_result *res, int m, int n) {
    for (int i = 1; i <= m; i++) {
        if (res->row_act) res->row_act[i - 1] = glp_get_row_prim(P, i);
        if (res->row_dual) res->row_dual[i - 1] = glp_get_row_dual(P, i);
    }
    for (int j = 1; j <= n; j++) {
        if (res->col_val) res->col_val[j - 1] = glp_get_col_prim(P, j);
        if (res->col_dual) res->col_dual[j - 1] = glp_get_col_dual(P, j);
    }
    res->objective = glp_get_obj_val(P);
    res->has_values = 1;
    res->has_duals = 1;
}

static void extract_basis(glp_prob *P, cglpk_result *res, int m, int n) {
    for (int i = 1; i <= m; i++) if (res->row_stat) res->row_stat[i - 1] = glp_get_row_stat(P, i);
    for (int j = 1; j <= n; j++) if (res->col_stat) res->col_stat[j - 1] = glp_get_col_stat(P, j);
    res->has_basis = 1;
}

/* Puts the warm-start basis into P if it is valid and factorizable; otherwise an advanced basis.
 * glp_factorize (not glp_warm_up): the simplex computes the basic solution itself, and keeps the factorization. */
void cglpk_start_basis(glp_prob *P, const cglpk_params *pp, cglpk_result *res, int m, int n, int want_adv) {
    if (pp->warm_row_stat != NULL && pp->warm_col_stat != NULL) {
        for (int i = 1; i <= m; i++) glp_set_row_stat(P, i, pp->warm_row_stat[i - 1]);
        for (int j = 1; j <= n; j++) glp_set_col_stat(P, j, pp->warm_col_stat[j - 1]);
        if (glp_factorize(P) == 0) { res->warm_start_used = 1; return; }
        glp_std_basis(P);
    }
    if (want_adv && m > 0) glp_adv_basis(P, 0);
}

void cglpk_solve_lp(glp_prob *P, solve_args *a, int m, int n, int interior) {
    const cglpk_params *pp = a->params;
    cglpk_result *res = a->res;
    if (interior) {
        glp_iptcp ip;
        glp_init_iptcp(&ip);
        ip.msg_lev = pp->quiet ? GLP_MSG_ERR : GLP_MSG_ON;
        res->used_interior = 1;
        res->rc = glp_interior(P, &ip);
        res->status = glp_ipt_status(P);
        for (int i = 1; i <= m; i++) {
            if (res->row_act) res->row_act[i - 1] = glp_ipt_row_prim(P, i);
            if (res->row_dual) res->row_dual[i - 1] = glp_ipt_row_dual(P, i);
        }
        for (int j = 1; j <= n; j++) {
            if (res->col_val) res->col_val[j - 1] = glp_ipt_col_prim(P, j);
            if (res->col_dual) res->col_dual[j - 1] = glp_ipt_col_dual(P, j);
        }
        res->objective = glp_ipt_obj_val(P);
        res->has_values = 1;
        res->has_duals = 1;
        return;
    }
    /* A warm start needs the basis path, so it turns presolve off. */
    int presolve = pp->presolve && pp->warm_row_stat == NULL;
    glp_smcp smcp;
    init_smcp(&smcp, pp, a->started, pp->method);
    smcp.presolve = presolve ? GLP_ON : GLP_OFF;
    res->rc = glp_simplex(P, &smcp);
    res->status = glp_get_status(P);
    res->prim_stat = glp_get_prim_stat(P);
    res->dual_stat = glp_get_dual_stat(P);
    res->iterations = glp_get_it_cnt(P);
    extract_basic(P, res, m, n);
    /* Without presolve P always holds a basis (possibly not optimal); with presolve only if it ended well. */
    if (!presolve || res->status != GLP_UNDEF) extract_basis(P, res, m, n);
    if (pp->sensitivity && res->status == GLP_OPT) cglpk_sensitivity(P, res);
}

/* Fixes the integer columns at their MIP values and re-solves the LP for duals and a basis. */
static void solve_fixed_lp(glp_prob *P, solve_args *a, int m, int n) {
    const cglpk_params *pp = a->params;
    cglpk_result *res = a->res;
    for (int j = 1; j <= n; j++) {
        if (glp_get_col_kind(P, j) == GLP_CV) continue;
        double v = floor(glp_mip_col_val(P, j) + 0.5);
        glp_set_col_bnds(P, j, GLP_FX, v, v);
    }
    glp_smcp smcp;
    init_smcp(&smcp, pp, a->started, CGLPK_DUALP);
    smcp.tm_lim = INT_MAX; /* the fixed LP is cheap and the MIP answer is already in hand */
    smcp.it_lim = INT_MAX;
    smcp.presolve = GLP_OFF;
    int rc = glp_simplex(P, &smcp);
    if (rc == GLP_EBADB || rc == GLP_ESING || rc == GLP_ECOND) {
        glp_adv_basis(P, 0);
        rc = glp_simplex(P, &smcp);
    }
    res->fixed_lp_rc = rc;
    res->fixed_lp_status = glp_get_status(P);
    res->prim_stat = glp_get_prim_stat(P);
    res->dual_stat = glp_get_dual_stat(P);
    if (rc == 0 && res->fixed_lp_status == GLP_OPT) {
        for (int i = 1; i <= m; i++) if (res->row_dual) res->row_dual[i - 1] = glp_get_row_dual(P, i);
        for (int j = 1; j <= n; j++) if (res->col_dual) res->col_dual[j - 1] = glp_get_col_dual(P, j);
        res->has_duals = 1;
        extract_basis(P, res, m, n);
    }
}

static void solve_mip(glp_prob *P, solve_args *a, int m, int n) {
    const cglpk_params *pp = a->params;
    cglpk_result *res = a->res;
    res->is_mip = 1;
    int method = pp->method == CGLPK_INTERIOR ? CGLPK_DUALP : pp->method;
    int presolve = pp->presolve && pp->warm_row_stat == NULL;
    if (!presolve) {
        /* glp_intopt without presolve needs an optimal LP relaxation first. */
        glp_smcp smcp;
        init_smcp(&smcp, pp, a->started, method);
        smcp.presolve = GLP_OFF;
        int rc = glp_simplex(P, &smcp);
        int st = glp_get_status(P);
        res->iterations = glp_get_it_cnt(P);
        if (rc != 0 || st != GLP_OPT) {
            res->root_lp_failed = 1;
            res->rc = rc;
            res->status = st;
            res->prim_stat = glp_get_prim_stat(P);
            res->dual_stat = glp_get_dual_stat(P);
            return;
        }
    }
    glp_iocp iocp;
    glp_init_iocp(&iocp);
    iocp.msg_lev = pp->quiet ? GLP_MSG_ERR : GLP_MSG_ON;
    iocp.presolve = presolve ? GLP_ON : GLP_OFF;
    iocp.tm_lim = remaining_ms(pp, a->started);
    iocp.mip_gap = pp->mip_gap;
    if (pp->cuts) { iocp.mir_cuts = GLP_ON; iocp.gmi_cuts = GLP_ON; iocp.cov_cuts = GLP_ON; iocp.clq_cuts = GLP_ON; }
    if (pp->heuristics) {
        iocp.fp_heur = GLP_ON;
        iocp.ps_heur = GLP_ON;
        if (iocp.tm_lim < iocp.ps_tm_lim) iocp.ps_tm_lim = iocp.tm_lim;
    }
    if (pp->branching >= GLP_BR_FFV && pp->branching <= GLP_BR_PCH) iocp.br_tech = pp->branching;
    if (pp->backtracking >= GLP_BT_DFS && pp->backtracking <= GLP_BT_BPH) iocp.bt_tech = pp->backtracking;
    iocp.cb_func = cglpk_mip_callback;
    iocp.cb_info = a;
    res->rc = glp_intopt(P, &iocp);
    res->status = glp_mip_status(P);
    res->iterations = glp_get_it_cnt(P);
    if (res->status == GLP_OPT || res->status == GLP_FEAS) {
        for (int i = 1; i <= m; i++) if (res->row_act) res->row_act[i - 1] = glp_mip_row_val(P, i);
        for (int j = 1; j <= n; j++) if (res->col_val) res->col_val[j - 1] = glp_mip_col_val(P, j);
        res->objective = glp_mip_obj_val(P);
        res->has_values = 1;
        if (res->status == GLP_OPT && res->rc == 0) {
            res->has_mip_bound = 1;
            res->mip_bound = res->objective;
            res->has_mip_gap = 1;
            res->mip_gap = 0.0;
        } else if (a->has_bound) {
            res->has_mip_bound = 1;
            res->mip_bound = a->last_bound;
            res->has_mip_gap = 1;
            res->mip_gap = fabs(res->objective - a->last_bound) / (fabs(res->objective) + DBL_EPSILON);
        }
        if (pp->mip_duals) solve_fixed_lp(P, a, m, n);
    } else if (a->has_bound) {
        res->has_mip_bound = 1;
        res->mip_bound = a->last_bound;
    }
}

static void solve_body(cglpk_session *s, void *arg) {
    (void)s;
    solve_args *a = (solve_args *)arg;
    const cglpk_problem *p = a->prob;
    const cglpk_params *pp = a->params;
    /* The limit lives in this thread's environment, which is freed (or reset) at the end of the call. */
    if (pp->memory_limit_mb > 0) { cglpk_note_mem_limit(); glp_mem_limit(pp->memory_limit_mb); }
    glp_prob *P = cglpk_build(p);
    int is_mip = 0;
    if (p->col_kind != NULL)
        for (int j = 0; j < p->n; j++) if (p->col_kind[j] != CGLPK_CONTINUOUS) { is_mip = 1; break; }
    if (pp->scaling) glp_scale_prob(P, GLP_SF_AUTO);
    /* glp_interior fails on an empty problem; the simplex handles it. */
    int interior = pp->method == CGLPK_INTERIOR && !is_mip && p->m > 0 && p->n > 0;
    int presolve = pp->presolve && pp->warm_row_stat == NULL;
    if (!interior) cglpk_start_basis(P, pp, a->res, p->m, p->n, !presolve);
    if (is_mip) solve_mip(P, a, p->m, p->n);
    else cglpk_solve_lp(P, a, p->m, p->n, interior);
    glp_delete_prob(P);
}

int cglpk_solve(const cglpk_problem *prob, const cglpk_params *params, cglpk_result *res) {
    cglpk_session s;
    int rc = cglpk_solve_session_begin(&s, params, res);
    if (rc != CGLPK_OK) return rc;
    res->fixed_lp_rc = -1;
    solve_args a;
    memset(&a, 0, sizeof a);
    a.prob = prob;
    a.params = params;
    a.res = res;
    a.started = cglpk_now();
    rc = cglpk_run_guarded(&s, solve_body, &a, res->message, sizeof res->message);
    res->seconds = cglpk_now() - a.started;
    cglpk_session_end(&s, &res->log, &res->log_len);
    return rc;
}
