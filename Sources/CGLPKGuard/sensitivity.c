/* Sensitivity ranges of an optimal basic LP solution, with GLPK's preconditions checked first. */
#include <float.h>
#include <math.h>
#include "guard_internal.h"

static double unbounded(double v) {
    if (v >= DBL_MAX) return HUGE_VAL;
    if (v <= -DBL_MAX) return -HUGE_VAL;
    return v;
}

void cglpk_sensitivity(glp_prob *P, cglpk_result *res) {
    if (glp_get_status(P) != GLP_OPT) return;
    /* glp_analyze_* need the basis factorization. */
    if (!glp_bf_exists(P) && glp_factorize(P) != 0) return;
    int m = glp_get_num_rows(P), n = glp_get_num_cols(P);
    int maximize = glp_get_obj_dir(P) == GLP_MAX;
    for (int i = 1; i <= m; i++) {
        double lo = -HUGE_VAL, hi = HUGE_VAL;
        int stat = glp_get_row_stat(P, i);
        int type = glp_get_row_type(P, i);
        if (stat == GLP_BS) {
            /* Inactive row: a bound may move up to the activity without becoming active. */
            double act = glp_get_row_prim(P, i);
            if (type == GLP_UP) { lo = act; }
            else if (type == GLP_LO) { hi = act; }
            else if (type == GLP_DB || type == GLP_FX) { lo = act; hi = act; }
        } else if (stat != GLP_NF) {
            double v1, v2;
            int var1, var2;
            glp_analyze_bound(P, i, &v1, &var1, &v2, &var2);
            lo = unbounded(v1);
            hi = unbounded(v2);
        }
        if (res->row_rng_lo) res->row_rng_lo[i - 1] = lo;
        if (res->row_rng_hi) res->row_rng_hi[i - 1] = hi;
    }
    for (int j = 1; j <= n; j++) {
        double lo = -HUGE_VAL, hi = HUGE_VAL;
        int stat = glp_get_col_stat(P, j);
        double c = glp_get_obj_coef(P, j);
        if (stat == GLP_BS) {
            double c1, c2, v1, v2;
            int var1, var2;
            glp_analyze_coef(P, m + j, &c1, &var1, &v1, &c2, &var2, &v2);
            lo = unbounded(c1);
            hi = unbounded(c2);
        } else if (stat == GLP_NF) {
            lo = c; hi = c;
        } else if (stat == GLP_NL || stat == GLP_NU) {
            /* A non-basic column stays optimal while its reduced cost d keeps its sign: c can move by d. */
            double d = glp_get_col_dual(P, j);
            int grows = (stat == GLP_NL) != maximize; /* min at lower / max at upper: c may rise freely */
            if (grows) { lo = c - d; } else { hi = c - d; }
        }
        /* GLP_NS (fixed column): any cost keeps the solution optimal. */
        if (res->col_rng_lo) res->col_rng_lo[j - 1] = lo;
        if (res->col_rng_hi) res->col_rng_hi[j - 1] = hi;
    }
    res->has_sensitivity = 1;
}
