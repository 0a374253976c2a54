#ifndef FABPLAN_CGLPK_GUARD_H
#define FABPLAN_CGLPK_GUARD_H
/*
 * CGLPKGuard: every GLPK call of fabplan happens inside one of the functions below.
 *
 * Each function installs GLPK's error hook and jumps back (setjmp/longjmp) to itself when GLPK raises a
 * fatal error, so GLPK never calls abort(). The longjmp only ever crosses C frames of this file and of GLPK:
 * the Swift caller is above the setjmp point, and the Swift progress callback returns before GLPK can fail.
 *
 * One-shot calls (cglpk_solve, cglpk_build_only, cglpk_write, cglpk_read): a glp_prob is created, used and
 * deleted in one call on the calling thread. At the end of each such call glp_free_env() releases the thread's
 * whole GLPK environment, unless a kept problem (below) is alive on the thread.
 *
 * Kept problems (cglpk_kept_*): one glp_prob that outlives a call, for re-solves that patch only what changed.
 * It belongs to the thread that created it; while one is alive the thread's environment is kept between calls.
 * Every trapped fatal error on a thread frees that thread's whole GLPK environment (and so every kept problem
 * of the thread) and bumps a per-thread generation counter. A kept handle records its thread and generation and
 * is checked before every use: on another thread it gets CGLPK_WRONG_THREAD, after a trapped error CGLPK_STALE,
 * and in both cases no GLPK function is called on it.
 *
 * Every function returns 0 on success, CGLPK_FATAL (-1) when a GLPK fatal error was trapped (the message is
 * in `message`), CGLPK_REENTRANT (-2) when called while another guarded call is running on the same thread
 * (from a progress callback), and CGLPK_IO (-3) for a failed file read/write (details in the log).
 */
#include <stddef.h>

#define CGLPK_OK 0
#define CGLPK_FATAL (-1)
#define CGLPK_REENTRANT (-2)
#define CGLPK_IO (-3)
#define CGLPK_WRONG_THREAD (-4)
#define CGLPK_STALE (-5)

/* Column kinds. */
#define CGLPK_CONTINUOUS 0
#define CGLPK_INTEGER 1
#define CGLPK_BINARY 2

/* A problem in flat arrays. Bounds may be -HUGE_VAL/+HUGE_VAL (infinite); they become GLPK bound types.
 * Matrix in compressed columns: column j (0-based) has the entries k = col_start[j]+1 .. col_start[j+1] of
 * row_ind (1-based GLPK row numbers) and val; element 0 of row_ind/val is an unused dummy, so that
 * row_ind + col_start[j] is the 1-based array glp_set_mat_col wants. No duplicate rows within a column.
 * Names: offsets into `names` (NUL-terminated strings) or -1 for "no name"; NULL arrays mean no names. */
typedef struct cglpk_problem {
    int m, n;                  /* rows, columns */
    int maximize;              /* 0 = minimize, 1 = maximize */
    double obj_const;
    const double *obj;         /* [n] */
    const double *col_lb;      /* [n] */
    const double *col_ub;      /* [n] */
    const int *col_kind;       /* [n], CGLPK_CONTINUOUS/INTEGER/BINARY; NULL = all continuous */
    const double *row_lb;      /* [m] */
    const double *row_ub;      /* [m] */
    int ne;
    const int *col_start;      /* [n+1], col_start[0] = 0, col_start[n] = ne */
    const int *row_ind;        /* [ne+1] */
    const double *val;         /* [ne+1] */
    const char *names;         /* string pool, or NULL */
    int prob_name_off;         /* -1 = none */
    const int *row_name_off;   /* [m] or NULL */
    const int *col_name_off;   /* [n] or NULL */
} cglpk_problem;

/* LP methods. */
#define CGLPK_PRIMAL 0
#define CGLPK_DUAL 1
#define CGLPK_DUALP 2
#define CGLPK_INTERIOR 3

/* MIP progress handed to Swift: plain numbers only. has_* = 0 means "not available yet". */
typedef struct cglpk_progress {
    int has_incumbent;
    double incumbent;
    int has_bound;
    double bound;
    int has_gap;
    double gap;
    int active_nodes;
    int total_nodes;
    double elapsed_seconds;
} cglpk_progress;

/* Returns non-zero to cancel the solve. Must not call any cglpk_* function (it would get CGLPK_REENTRANT). */
typedef int (*cglpk_progress_fn)(void *context, const cglpk_progress *progress);

typedef struct cglpk_params {
    int method;                /* CGLPK_PRIMAL/DUAL/DUALP/INTERIOR */
    int presolve;
    int scaling;
    int time_limit_ms;         /* < 0 = none */
    int iteration_limit;       /* < 0 = none */
    double mip_gap;
    int cuts;
    int heuristics;
    int branching;             /* GLP_BR_* (0 = GLPK's default, Driebeck-Tomlin) */
    int backtracking;          /* GLP_BT_* (0 = GLPK's default, best local bound) */
    int sensitivity;           /* compute ranges (simplex LP, optimal only) */
    int mip_duals;             /* re-solve the LP with integers fixed for duals */
    int echo_log;              /* let GLPK print to stdout too */
    const int *warm_row_stat;  /* [m] GLP_BS..GLP_NS, or NULL */
    const int *warm_col_stat;  /* [n] or NULL */
    cglpk_progress_fn progress;/* NULL = none */
    void *progress_context;
    double progress_interval_seconds; /* min seconds between two node-selection reports */
    int memory_limit_mb;       /* > 0: glp_mem_limit for this call; exceeding it is a (trapped) fatal error */
    int quiet;                 /* 1: GLPK prints only warnings and errors (GLP_MSG_ERR), so the log stays short */
} cglpk_params;

/* Outputs. Arrays are caller-allocated ([m] / [n]); any may be NULL to skip it.
 * Everything the solve produced is reported raw (GLPK codes); Swift maps codes to statuses. */
typedef struct cglpk_result {
    int is_mip;
    int used_interior;
    int rc;                    /* return code of glp_simplex / glp_interior / glp_intopt (or the root LP) */
    int root_lp_failed;        /* MIP: 1 if the root LP (presolve off) did not end optimal; rc/status are its */
    int status;                /* glp_get_status / glp_ipt_status / glp_mip_status */
    int prim_stat, dual_stat;  /* glp_get_prim_stat / dual_stat (simplex, or the fixed LP of a MIP) */
    int has_values;            /* values/activities written */
    double objective;
    int has_duals;             /* row_dual/col_dual written */
    int has_basis;             /* row_stat/col_stat written */
    int has_sensitivity;
    int warm_start_used;       /* 1 if the given basis was valid and used */
    int iterations;
    int has_mip_bound;
    double mip_bound;
    int has_mip_gap;
    double mip_gap;
    int cancelled;
    int fixed_lp_rc;           /* MIP duals: glp_simplex rc of the fixed LP (-1 = not run) */
    int fixed_lp_status;
    double seconds;
    /* out arrays */
    double *col_val, *row_act, *row_dual, *col_dual;
    int *row_stat, *col_stat;
    double *row_rng_lo, *row_rng_hi, *col_rng_lo, *col_rng_hi;
    /* log: malloc'd, NUL-terminated; free with cglpk_free. Fatal message (last GLPK lines before the error). */
    char *log;
    size_t log_len;
    char message[1024];
} cglpk_result;

/* Build, solve, extract, delete: one guarded call. */
int cglpk_solve(const cglpk_problem *prob, const cglpk_params *params, cglpk_result *res);

/* Build the problem in GLPK and report GLPK's counts (rows, columns, nonzeros), then delete it. */
int cglpk_build_only(const cglpk_problem *prob, int *rows, int *cols, int *nonzeros,
                     char *message, size_t message_cap);

/* File formats. */
#define CGLPK_FMT_CPLEX_LP 0
#define CGLPK_FMT_FREE_MPS 1
#define CGLPK_FMT_GLPK 2

/* Write `prob` to `path` in `format`. On CGLPK_IO/CGLPK_FATAL, `message` says why. */
int cglpk_write(const cglpk_problem *prob, int format, const char *path, char *message, size_t message_cap);

/* A problem read from a file: all arrays malloc'd, free with cglpk_model_free. Same layout as cglpk_problem,
 * bounds infinite where GLPK had no bound, matrix 1-based. */
typedef struct cglpk_model {
    int m, n, maximize;
    double obj_const;
    double *obj, *col_lb, *col_ub, *row_lb, *row_ub;
    int *col_kind;
    int ne;
    int *ia, *ja;
    double *ar;
    char *names;               /* pool */
    int prob_name_off;
    int *row_name_off, *col_name_off;
} cglpk_model;

int cglpk_read(int format, const char *path, cglpk_model *out, char *message, size_t message_cap);
void cglpk_model_free(cglpk_model *model);
void cglpk_free(void *p);

/* ---- Kept problems: build once, then patch and re-solve on the same thread (LP simplex only). ---- */

/* A glp_prob kept between guarded calls, with the thread and generation it was made in. Opaque. */
typedef struct cglpk_kept cglpk_kept;

/* What changed since the kept problem's last solve. Indices 0-based. Row/column bounds and objective
 * coefficients are given per changed index; changed matrix columns are given whole, in the cglpk_problem
 * layout (mat_start[k] .. mat_start[k+1] on 1-based row_ind/val with a dummy slot 0). */
typedef struct cglpk_patch {
    int maximize;              /* objective direction of the new problem */
    double obj_const;
    int n_rows;                /* changed row bounds */
    const int *rows;
    const double *row_lb, *row_ub;
    int n_cols;                /* changed column bounds or objective coefficients */
    const int *cols;
    const double *col_lb, *col_ub, *obj;
    int n_mat_cols;            /* matrix columns replaced whole */
    const int *mat_cols;       /* [n_mat_cols] */
    const int *mat_start;      /* [n_mat_cols+1] */
    const int *mat_row_ind;    /* [1 + total] (1-based rows) */
    const double *mat_val;     /* [1 + total] */
} cglpk_patch;

/* Builds `prob` (continuous columns only) into a kept problem on this thread, scaled if `scaling`. */
int cglpk_kept_create(const cglpk_problem *prob, int scaling, cglpk_kept **out, char *message, size_t message_cap);
/* Applies `patch` (may be NULL: nothing changed), sets the start basis (params->warm_* or an advanced basis),
 * runs the simplex and extracts into `res` like cglpk_solve. CGLPK_WRONG_THREAD / CGLPK_STALE: not touched. */
int cglpk_kept_solve(cglpk_kept *kept, const cglpk_patch *patch, const cglpk_params *params, cglpk_result *res);
/* CGLPK_OK if `kept` can be used on this thread now; CGLPK_WRONG_THREAD on another thread; CGLPK_STALE when NULL,
 * deleted, or freed by a trapped fatal error on its thread since it was made. Calls no GLPK function. */
int cglpk_kept_check(const cglpk_kept *kept);
/* Deletes the kept problem if it is still alive and on this thread; always frees the handle. On another thread
 * the glp_prob cannot be deleted safely and is left to that thread's environment (freed with it). */
void cglpk_kept_free(cglpk_kept *kept);
/* This thread's generation: bumped by every trapped fatal error (for tests). */
unsigned long cglpk_thread_generation(void);
/* Kept problems alive on this thread (for tests). */
int cglpk_thread_kept_count(void);

/* Test hook: calls glp_set_col_bnds on a column that does not exist, which is a GLPK fatal error.
 * Returns CGLPK_FATAL with GLPK's message in `message` (never aborts). */
int cglpk_test_provoke_fatal(char *message, size_t message_cap);

int cglpk_guard_version_major(void);
#endif
