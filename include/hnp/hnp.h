/* hnp.h -- libhnp, the health-news pipeline library. Include this one header. */
#ifndef HNP_HNP_H
#define HNP_HNP_H

#include "classify.h"
#include "common.h"
#include "lexicon.h"
#include "normalize.h"
#include "pipeline.h"
#include "segment.h"
#include "tag.h"
#include "tsv.h"

#define HNP_VERSION_MAJOR  0
#define HNP_VERSION_MINOR  1
#define HNP_VERSION_PATCH  0
#define HNP_VERSION_STRING "0.1.0"

#ifdef __cplusplus
extern "C" {
#endif

/* "0.1.0" */
const char *hnp_version(void);

#ifdef __cplusplus
}
#endif
#endif /* HNP_HNP_H */
