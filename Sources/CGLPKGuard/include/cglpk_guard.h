#ifndef FABPLAN_CGLPK_GUARD_H
#define FABPLAN_CGLPK_GUARD_H
#include <glpk.h>
/* Guarded GLPK calls: each returns -1 (never aborts) if GLPK raised a fatal error. Filled in by the solver layer. */
int cglpk_guard_version_major(void);
#endif
