/* Branch-and-cut callback: reads progress with GLPK calls made only here in C, hands plain numbers to Swift. */
#include <float.h>
#include "guard_internal.h"

void cglpk_mip_callback(glp_tree *T, void *info) {
    solve_args *a = (solve_args *)info;
    int reason = glp_ios_reason(T);
    if (reason != GLP_ISELECT && reason != GLP_IBINGO) return;

    cglpk_progress pr = {0};
    glp_prob *P = glp_ios_get_prob(T);
    int ms = glp_mip_status(P);
    if (ms == GLP_FEAS || ms == GLP_OPT) {
        pr.has_incumbent = 1;
        pr.incumbent = glp_mip_obj_val(P);
    }
    /* glp_ios_node_bound(T, 0) is fatal: only ask for the bound of an existing node. */
    int best = glp_ios_best_node(T);
    if (best != 0) {
        double bound = glp_ios_node_bound(T, best);
        /* ±DBL_MAX: the node's LP is not solved yet, so there is no bound to report. */
        if (bound > -DBL_MAX && bound < DBL_MAX) {
            pr.has_bound = 1;
            pr.bound = bound;
            a->has_bound = 1;
            a->last_bound = bound;
        }
    }
    if (pr.has_incumbent) {
        double gap = glp_ios_mip_gap(T);
        if (gap < DBL_MAX) { pr.has_gap = 1; pr.gap = gap; }
    }
    int active = 0, current = 0, total = 0;
    glp_ios_tree_size(T, &active, &current, &total);
    pr.active_nodes = active;
    pr.total_nodes = total;
    double now = cglpk_now();
    pr.elapsed_seconds = now - a->started;

    const cglpk_params *pp = a->params;
    if (pp->progress == NULL) return;
    if (reason == GLP_ISELECT && a->reported_once && now - a->last_report < pp->progress_interval_seconds) return;
    a->reported_once = 1;
    a->last_report = now;
    /* Swift runs here; it makes no GLPK call, so no GLPK error can longjmp across its frame. */
    if (pp->progress(pp->progress_context, &pr) != 0) {
        a->res->cancelled = 1;
        glp_ios_terminate(T);
    }
}
