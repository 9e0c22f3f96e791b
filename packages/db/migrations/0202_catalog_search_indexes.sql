-- Two changes that make a catalogue search cheaper (BENCHMARKS.md, catalogue section):
--
-- 1. The full-text index on procedure names is written straight into its tree (fastupdate off). With the default
--    pending list, newly published versions wait in an unsorted list that every search scans in full until a vacuum
--    merges it: after loading 2,000 procedures all 2,000 were pending and the index scan of "dang ky khai sinh" took
--    3.3 ms instead of 0.3 ms. Publications are rare and one at a time; writing the tree directly costs nobody a wait.
--    The entries already pending are merged now.
-- 2. A code query ("1.0011") matches codes by prefix OR names by words. The code btree (default collation) cannot
--    serve LIKE 'prefix%', so the OR fell back to a sequential scan computing to_tsvector for every version (~20 ms
--    for 2,000). A text_pattern_ops index serves the prefix, and the two indexes combine (BitmapOr).
ALTER INDEX procedure_version_words_idx SET (fastupdate = off);
SELECT gin_clean_pending_list('procedure_version_words_idx'::regclass);
CREATE INDEX procedure_version_code_pattern_idx ON procedure_version (code text_pattern_ops);
