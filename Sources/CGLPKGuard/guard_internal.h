/* Internal to CGLPKGuard: the per-call session (log capture, jump buffer) and the guarded runner. */
#ifndef FABPLAN_CGLPK_GUARD_INTERNAL_H
#define FABPLAN_CGLPK_GUARD_INTERNAL_H
#include <math.h>
#include <setjmp.h>
#include <stddef.h>
#include <glpk.h>
#include "cglpk_guard.h"

#define CGLPK_TAIL_CAP 2048
#define CGLPK_LOG_CAP (16u << 20)

/* One guarded call: where to jump on a GLPK fatal error, and everything GLPK printed meanwhile. */
typedef struct cglpk_session {
    jmp_buf jump;
    int echo;
    char *log;               /* malloc'd, capped at CGLPK_LOG_CAP */
    size_t log_len, log_cap;
    int log_truncated;
    char tail[CGLPK_TAIL_CAP + 1]; /* last bytes printed, for the fatal-error message */
    size_t tail_len;
} cglpk_session;

/* Starts a session on this thread: refuses re-entrant use, installs the term and error hooks. */
int cglpk_session_begin(cglpk_session *s, int echo);
/* Ends it: removes hooks and frees the thread's GLPK environment. Returns the log (caller frees) if asked. */
void cglpk_session_end(cglpk_session *s, char **log_out, size_t *log_len_out);
/* Runs `body` under setjmp. Returns CGLPK_OK, or CGLPK_FATAL after GLPK raised a fatal error (the thread's
 * GLPK environment is then already freed and `message` holds GLPK's last lines). */
int cglpk_run_guarded(cglpk_session *s, void (*body)(cglpk_session *, void *), void *arg,
                      char *message, size_t message_cap);
/* The last `lines` non-empty lines GLPK printed, joined by "; ". */
void cglpk_session_last_lines(const cglpk_session *s, int lines, char *out, size_t cap);

/* Creates the GLPK problem from flat arrays (bounds -> bound types, kinds, names, matrix). */
glp_prob *cglpk_build(const cglpk_problem *p);
/* State of one solve, shared by the pipeline (solve.c) and the MIP callback (mip_progress.c). */
typedef struct cglpk_solve_args {
    const cglpk_problem *prob;
    const cglpk_params *params;
    cglpk_result *res;
    double started;
    int has_bound;           /* last best bound seen by the MIP callback */
    double last_bound;
    double last_report;      /* when Swift was last called */
    int reported_once;
} solve_args;

/* Kept problems alive on this thread, and the thread's generation (bumped by every trapped fatal error). */
int cglpk_live_kept_count(void);
/* 1 while a guarded call runs on this thread. */
int cglpk_in_guarded_call(void);
void cglpk_kept_did_create(void);
void cglpk_kept_did_delete(void);
unsigned long cglpk_generation_now(void);
/* Records that this call set glp_mem_limit (reset at the end if the environment is kept). */
void cglpk_note_mem_limit(void);

/* The LP pipeline shared by cglpk_solve and cglpk_kept_solve: start basis, then simplex (or interior), extract. */
void cglpk_start_basis(glp_prob *P, const cglpk_params *pp, cglpk_result *res, int m, int n, int want_adv);
void cglpk_solve_lp(glp_prob *P, solve_args *a, int m, int n, int interior);

/* Sensitivity ranges of an optimal basic solution into res->*_rng_*. */
void cglpk_sensitivity(glp_prob *P, cglpk_result *res);
/* glp_iocp.cb_func: tracks the best bound, reports progress to Swift, cancels on request. */
void cglpk_mip_callback(glp_tree *T, void *info);

/* Seconds on a monotonic clock. */
double cglpk_now(void);

/* GLPK bound type of the bounds [lb, ub] (±HUGE_VAL = none), and a bound value GLPK accepts (0 for none). */
static inline int cglpk_bound_type(double lb, double ub) {
    int has_lb = lb > -HUGE_VAL, has_ub = ub < HUGE_VAL;
    if (has_lb && has_ub) return lb == ub ? GLP_FX : GLP_DB;
    if (has_lb) return GLP_LO;
    if (has_ub) return GLP_UP;
    return GLP_FR;
}
static inline double cglpk_finite_or_zero(double v) { return isfinite(v) ? v : 0.0; }

/* Begins the guarded session of a solve; on CGLPK_REENTRANT also says why in res->message. */
int cglpk_solve_session_begin(cglpk_session *s, const cglpk_params *params, cglpk_result *res);
#endif
