/* hnp.h -- libhnp, the health-news pipeline library. Include this one header. */
#ifndef HNP_HNP_H
#define HNP_HNP_H

#include "buffer.h"
#include "classify.h"
#include "common.h"
#include "hnp/version.h" /* HNP_VERSION_STRING, generated from CMake's project(VERSION) */
#include "lexicon.h"
#include "normalize.h"
#include "pipeline.h"
#include "segment.h"
#include "tag.h"
#include "token.h"
#include "tsv.h"
#endif /* HNP_HNP_H */
