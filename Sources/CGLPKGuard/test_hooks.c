/* Entry point for tests: provoke a GLPK fatal error on purpose. */
#include "guard_internal.h"

static void provoke_body(cglpk_session *s, void *arg) {
    (void)s; (void)arg;
    glp_prob *P = glp_create_prob();
    glp_add_cols(P, 1);
    glp_set_col_bnds(P, 99, GLP_LO, 0.0, 0.0); /* column 99 does not exist: GLPK fatal error */
    glp_delete_prob(P);                         /* not reached */
}

int cglpk_test_provoke_fatal(char *message, size_t message_cap) {
    cglpk_session s;
    int rc = cglpk_session_begin(&s, 0);
    if (rc != CGLPK_OK) return rc;
    rc = cglpk_run_guarded(&s, provoke_body, NULL, message, message_cap);
    cglpk_session_end(&s, NULL, NULL);
    return rc;
}
