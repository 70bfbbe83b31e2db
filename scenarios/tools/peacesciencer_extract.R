# Cuts the COW/cshapes/ATOP extracts of one window from the data bundled with the peacesciencer
# R package (Miller 2022), in the format of scenarios/src/main/resources/data/cow. This is how the
# rows added in December 2026 (europe-1914's small states, east-asia-2016's Vietnam, Philippines
# and Australia) were cut; see the data README, "Added rows". Not used by the build.
#
# Usage, from a directory holding cow_nmc.rda, cow_mindist.rda, cow_contdir.rda,
# atop_alliance.rda and cow_states.rda (peacesciencer's data/ folder, version 1.2.9):
#
#   Rscript peacesciencer_extract.R CCODES OUT_DIR FIRST_YEAR LAST_YEAR WINDOW
#   Rscript peacesciencer_extract.R 2,365,710,713,731,732,740,750,816,840,900 out 2010 2016 east_asia_2010_2016
#
# It writes nmc70_WINDOW.csv, mindist_WINDOW.csv, contdir32_WINDOW.csv and
# atop51_spells_WINDOW.csv. Cut for a window's original states, the last three equal the given
# files byte for byte; the NMC file holds the same values (a few numbers print differently), so new
# states' NMC rows are appended to the given file rather than replacing it.

for (f in c("cow_nmc", "cow_mindist", "cow_contdir", "atop_alliance", "cow_states")) {
  load(paste0(f, ".rda"))
}
args <- commandArgs(TRUE)
codes <- as.integer(strsplit(args[1], ",")[[1]])
out <- args[2]
y0 <- as.integer(args[3])
y1 <- as.integer(args[4])
window <- args[5]
file <- function(kind) file.path(out, paste0(kind, "_", window, ".csv"))

abb <- unique(as.data.frame(cow_states)[, c("ccode", "stateabb")])
ab <- function(c) abb$stateabb[match(c, abb$ccode)]
q <- function(s) paste0('"', s, '"')
num <- function(x) ifelse(is.na(x), "NA", format(x, digits = 15, scientific = FALSE, trim = TRUE))
pair <- function(d) d$ccode1 %in% codes & d$ccode2 %in% codes & d$ccode1 < d$ccode2

# capabilities: one row per state and year, in the order of CCODES
n <- as.data.frame(cow_nmc)
n <- n[n$ccode %in% codes & n$year >= y0 & n$year <= y1, ]
n <- n[order(match(n$ccode, codes), n$year), ]
lines <- '"stateabb","ccode","year","milex","milper","irst","pec","tpop","upop","cinc","version"'
for (i in seq_len(nrow(n))) {
  r <- n[i, ]
  lines <- c(lines, paste(q(ab(r$ccode)), r$ccode, r$year, num(r$milex), num(r$milper),
    num(r$irst), num(r$pec), num(r$tpop), num(r$upop), format(signif(r$cinc, 8), scientific = FALSE),
    q("NMC 7.0 (via peacesciencer)"), sep = ","))
}
writeLines(lines, file("nmc70"))

# minimum distances between borders (cshapes), per pair and year
m <- as.data.frame(cow_mindist)
m <- m[pair(m) & m$year >= y0 & m$year <= y1, ]
m <- m[order(m$ccode1, m$ccode2, m$year), ]
lines <- '"ccode1","ccode2","abb1","abb2","year","mindist"'
for (i in seq_len(nrow(m))) {
  r <- m[i, ]
  lines <- c(lines, paste(r$ccode1, r$ccode2, q(ab(r$ccode1)), q(ab(r$ccode2)), r$year,
    format(r$mindist, digits = 15), sep = ","))
}
writeLines(lines, file("mindist"))

# contiguity spells that overlap the window
k <- as.data.frame(cow_contdir)
k <- k[pair(k) & k$enddate >= as.Date(paste0(y0, "-01-01")) &
  k$stdate <= as.Date(paste0(y1, "-12-31")), ]
k <- k[order(k$ccode1, k$ccode2, k$stdate), ]
lines <- '"ccode1","ccode2","abb1","abb2","conttype","stdate","enddate"'
for (i in seq_len(nrow(k))) {
  r <- k[i, ]
  lines <- c(lines, paste(r$ccode1, r$ccode2, q(ab(r$ccode1)), q(ab(r$ccode2)), r$conttype,
    format(r$stdate), format(r$enddate), sep = ","))
}
writeLines(lines, file("contdir32"))

# ATOP dyad-years as runs of consecutive years with the same obligations
a <- as.data.frame(atop_alliance)
a <- a[pair(a) & a$year >= y0 & a$year <= y1, ]
a <- a[order(a$ccode1, a$ccode2, a$year), ]
flags <- c("atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul")
lines <- paste0('"ccode1","ccode2","abb1","abb2","first_year","last_year",',
  paste(q(flags), collapse = ","))
i <- 1
while (i <= nrow(a)) {
  j <- i
  while (j < nrow(a) && a$ccode1[j + 1] == a$ccode1[i] && a$ccode2[j + 1] == a$ccode2[i] &&
    a$year[j + 1] == a$year[j] + 1 && all(a[j + 1, flags] == a[i, flags])) {
    j <- j + 1
  }
  r <- a[i, ]
  lines <- c(lines, paste(r$ccode1, r$ccode2, q(ab(r$ccode1)), q(ab(r$ccode2)), r$year, a$year[j],
    paste(unlist(r[flags]), collapse = ","), sep = ","))
  i <- j + 1
}
writeLines(lines, file("atop51_spells"))
