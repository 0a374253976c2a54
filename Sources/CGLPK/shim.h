#ifndef FABPLAN_CGLPK_SHIM_H
#define FABPLAN_CGLPK_SHIM_H
#include <glpk.h>
#endif
