# Reference figures for the studies analysis: R's lm + sandwich::vcovHC + lmtest::coeftest/coefci.
# Used by analyse.r.test.ts (npm test; CI installs r-base-core, r-cran-sandwich, r-cran-lmtest in .ci/run).
# Usage: Rscript r-reference.R MANIFEST.tsv  (one case a line: id csv outcome arm control covariates
#        subset_col subset_value ref_col ref_level se). Prints one "case" line per case and one "coef" line per
# non-control arm, numbers with 17 significant digits.
suppressPackageStartupMessages({ library(sandwich); library(lmtest) })
args <- commandArgs(trailingOnly = TRUE)
m <- read.delim(args[1], header = TRUE, colClasses = "character", na.strings = character(0), quote = "")
num <- function(x) sprintf("%.17g", x)
for (k in seq_len(nrow(m))) {
  cs <- m[k, ]
  res <- tryCatch({
    d <- read.csv(cs$csv, na.strings = c("NA", ""), check.names = FALSE, stringsAsFactors = FALSE)
    d <- d[, names(d) != "", drop = FALSE]  # the row names column write.csv writes
    if (cs$subset_col != "") d <- d[!is.na(d[[cs$subset_col]]) & d[[cs$subset_col]] == cs$subset_value, , drop = FALSE]
    covs <- if (cs$covariates == "") character(0) else strsplit(cs$covariates, ",")[[1]]
    d[[cs$arm]] <- relevel(factor(d[[cs$arm]]), ref = cs$control)
    if (cs$ref_col != "") d[[cs$ref_col]] <- relevel(factor(d[[cs$ref_col]]), ref = cs$ref_level)
    fml <- reformulate(c(cs$arm, covs), response = cs$outcome)
    fit <- lm(fml, data = d)
    aliased <- any(is.na(coef(fit)))
    arms <- table(model.frame(fit)[[cs$arm]])
    arms <- arms[arms > 0]
    n <- nobs(fit); p <- length(coef(fit))
    out <- sprintf("case\t%s\tok\t%d\t%d\t%s\t%s\t%d", cs$id, n, fit$df.residual, num(max(hatvalues(fit))), aliased, min(arms))
    if (!aliased && n > p) {
      V <- vcovHC(fit, type = cs$se)
      ct <- coeftest(fit, vcov. = V)
      ci <- coefci(fit, vcov. = V)
      for (term in rownames(ct)) {
        if (!startsWith(term, cs$arm) || term == "(Intercept)") next
        if (!(term %in% paste0(cs$arm, levels(model.frame(fit)[[cs$arm]])))) next
        out <- c(out, paste("coef", cs$id, term, num(ct[term, 1]), num(ct[term, 2]), num(ct[term, 3]), num(ct[term, 4]),
                            num(ci[term, 1]), num(ci[term, 2]), sep = "\t"))
      }
    }
    out
  }, error = function(e) sprintf("case\t%s\terror\t%s", cs$id, gsub("[\t\n]", " ", conditionMessage(e))))
  cat(res, sep = "\n")
  cat("\n")
}
