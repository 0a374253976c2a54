/* The guard: error hook + setjmp/longjmp so GLPK's fatal errors return instead of calling abort(). */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "guard_internal.h"

/* One guarded call per thread at a time (a progress callback must not start another). */
static _Thread_local int cglpk_in_call = 0;
/* Kept problems (kept.c) alive on this thread: while > 0 the environment survives between calls. */
static _Thread_local int cglpk_kept_alive = 0;
/* Bumped by every trapped fatal error on this thread: kept handles of an older generation are freed memory. */
static _Thread_local unsigned long cglpk_generation = 1;
/* A guarded call set glp_mem_limit in an environment that outlives it: reset the cap at the end. */
static _Thread_local int cglpk_mem_limited = 0;

int cglpk_live_kept_count(void) { return cglpk_kept_alive; }
int cglpk_in_guarded_call(void) { return cglpk_in_call; }
void cglpk_kept_did_create(void) { cglpk_kept_alive++; }
void cglpk_kept_did_delete(void) { if (cglpk_kept_alive > 0) cglpk_kept_alive--; }
unsigned long cglpk_generation_now(void) { return cglpk_generation; }
unsigned long cglpk_thread_generation(void) { return cglpk_generation; }
int cglpk_thread_kept_count(void) { return cglpk_kept_alive; }
void cglpk_note_mem_limit(void) { cglpk_mem_limited = 1; }

double cglpk_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static void append_tail(cglpk_session *s, const char *text, size_t len) {
    if (len >= CGLPK_TAIL_CAP) {
        memcpy(s->tail, text + len - CGLPK_TAIL_CAP, CGLPK_TAIL_CAP);
        s->tail_len = CGLPK_TAIL_CAP;
    } else {
        if (s->tail_len + len > CGLPK_TAIL_CAP) {
            size_t drop = s->tail_len + len - CGLPK_TAIL_CAP;
            memmove(s->tail, s->tail + drop, s->tail_len - drop);
            s->tail_len -= drop;
        }
        memcpy(s->tail + s->tail_len, text, len);
        s->tail_len += len;
    }
    s->tail[s->tail_len] = '\0';
}

static void append_log(cglpk_session *s, const char *text, size_t len) {
    if (s->log_truncated) return;
    if (s->log_len + len + 1 > s->log_cap) {
        size_t want = s->log_cap ? s->log_cap : 4096;
        while (want < s->log_len + len + 1) want *= 2;
        if (want > CGLPK_LOG_CAP) {
            s->log_truncated = 1;
            return;
        }
        char *grown = realloc(s->log, want);
        if (grown == NULL) { s->log_truncated = 1; return; }
        s->log = grown;
        s->log_cap = want;
    }
    memcpy(s->log + s->log_len, text, len);
    s->log_len += len;
    s->log[s->log_len] = '\0';
}

/* GLPK's terminal hook: every line GLPK prints, fatal-error text included, arrives here first. */
static int term_hook(void *info, const char *text) {
    cglpk_session *s = (cglpk_session *)info;
    size_t len = strlen(text);
    append_log(s, text, len);
    append_tail(s, text, len);
    return s->echo ? 0 : 1; /* non-zero suppresses GLPK's own printing */
}

/* GLPK's error hook: runs inside the failing GLPK call, after the message was printed. Never returns. */
static void error_hook(void *info) {
    cglpk_session *s = (cglpk_session *)info;
    longjmp(s->jump, 1);
}

static void install_hooks(cglpk_session *s) {
    glp_term_hook(term_hook, s);
    glp_error_hook(error_hook, s);
}

int cglpk_session_begin(cglpk_session *s, int echo) {
    if (cglpk_in_call) return CGLPK_REENTRANT;
    cglpk_in_call = 1;
    memset(s, 0, sizeof *s);
    s->echo = echo;
    install_hooks(s);
    return CGLPK_OK;
}

int cglpk_solve_session_begin(cglpk_session *s, const cglpk_params *params, cglpk_result *res) {
    int rc = cglpk_session_begin(s, params->echo_log);
    if (rc != CGLPK_OK) {
        strncpy(res->message, "a solve was started from inside a progress callback on the same thread",
                sizeof res->message - 1);
    }
    return rc;
}

void cglpk_session_end(cglpk_session *s, char **log_out, size_t *log_len_out) {
    if (cglpk_kept_alive == 0) {
        /* Every GLPK object of this call is deleted (or gone with a trapped error): free the environment so the
         * thread holds no GLPK state between calls. The next GLPK call re-creates it with defaults. */
        glp_free_env();
    } else {
        /* Kept problems live in this environment: keep it, but leave nothing of this call behind in it (the
         * hooks point into this call's stack frame; a memory cap belongs to one call). */
        if (cglpk_mem_limited) glp_mem_limit(0x7fffffff);
        glp_term_hook(NULL, NULL);
        glp_error_hook(NULL, NULL);
    }
    cglpk_mem_limited = 0;
    if (log_out != NULL) {
        if (s->log_truncated) {
            static const char note[] = "\n[log truncated]\n";
            char *grown = realloc(s->log, s->log_len + sizeof note);
            if (grown != NULL) {
                memcpy(grown + s->log_len, note, sizeof note);
                s->log = grown;
                s->log_len += sizeof note - 1;
            }
        }
        *log_out = s->log;
        *log_len_out = s->log_len;
    } else {
        free(s->log);
    }
    s->log = NULL;
    cglpk_in_call = 0;
}

void cglpk_session_last_lines(const cglpk_session *s, int lines, char *out, size_t cap) {
    if (cap == 0) return;
    out[0] = '\0';
    /* Walk back over the tail collecting up to `lines` non-empty lines. */
    const char *starts[8];
    size_t lens[8];
    int found = 0;
    size_t end = s->tail_len;
    while (found < lines && found < 8 && end > 0) {
        while (end > 0 && (s->tail[end - 1] == '\n' || s->tail[end - 1] == '\r')) end--;
        if (end == 0) break;
        size_t start = end;
        while (start > 0 && s->tail[start - 1] != '\n') start--;
        starts[found] = s->tail + start;
        lens[found] = end - start;
        found++;
        end = start;
    }
    size_t used = 0;
    for (int i = found - 1; i >= 0; i--) {
        const char *sep = (i == found - 1) ? "" : "; ";
        size_t need = strlen(sep) + lens[i];
        if (used + need + 1 > cap) break;
        memcpy(out + used, sep, strlen(sep));
        used += strlen(sep);
        memcpy(out + used, starts[i], lens[i]);
        used += lens[i];
    }
    out[used] = '\0';
    if (found == 0) {
        strncpy(out, "GLPK fatal error (no message captured)", cap - 1);
        out[cap - 1] = '\0';
    }
}

int cglpk_run_guarded(cglpk_session *s, void (*body)(cglpk_session *, void *), void *arg,
                      char *message, size_t message_cap) {
    /* Nothing in this frame changes after setjmp, so no local is indeterminate after the longjmp. */
    if (setjmp(s->jump) != 0) {
        if (message != NULL) cglpk_session_last_lines(s, 2, message, message_cap);
        /* All GLPK memory of this thread is released; every glp_prob of the call is gone with it, and so is
         * every kept problem of the thread: the new generation marks their handles stale. */
        glp_free_env();
        cglpk_generation++;
        cglpk_kept_alive = 0;
        cglpk_mem_limited = 0;
        /* The environment is recreated with defaults on the next GLPK call; put our hooks back. */
        install_hooks(s);
        return CGLPK_FATAL;
    }
    body(s, arg);
    return CGLPK_OK;
}

void cglpk_free(void *p) { free(p); }

int cglpk_guard_version_major(void) { return GLP_MAJOR_VERSION; }
