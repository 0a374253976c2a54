#include "cglpk_guard.h"
int cglpk_guard_version_major(void) { return GLP_MAJOR_VERSION; }
