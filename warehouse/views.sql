-- pressroom warehouse: views over the tables (drug views are in drug_views.sql).

-- One row per read release: how many data-quality evaluations touched it,
-- how many failed, and whether it is clean. A release no check evaluated is
-- reported with zero evaluations rather than hidden.
--   SELECT * FROM document_quality WHERE NOT is_clean;
CREATE OR REPLACE VIEW document_quality AS
SELECT
    d.doc_id,
    d.title,
    d.company,
    d.release_date,
    d.doc_type,
    count(q.check_name)                                  AS evaluations,
    count(q.check_name) FILTER (WHERE NOT q.passed)      AS failures,
    count(q.check_name) FILTER (WHERE NOT q.passed AND q.severity = 'error') AS errors,
    coalesce(bool_and(q.passed), true)                   AS is_clean,
    string_agg(DISTINCT q.check_name, ', ') FILTER (WHERE NOT q.passed) AS failed_checks
FROM documents d
LEFT JOIN quality_results q USING (doc_id)
WHERE d.status = 'read'
GROUP BY ALL;

-- Reported (not guidance) figures, one per concept, period and release,
-- preferring the statement table over the narrative when both state it.
--   SELECT concept, period_end, months, value FROM reported_figures
--   WHERE company = 'ImmunoGen, Inc.' ORDER BY period_end, concept;
CREATE OR REPLACE VIEW reported_figures AS
SELECT d.company, d.ticker, d.release_date, f.*
FROM financial_facts f
JOIN documents d USING (doc_id)
WHERE NOT f.is_guidance
QUALIFY row_number() OVER (
    PARTITION BY f.doc_id, f.concept, f.period_end, f.months
    ORDER BY (f.source = 'table') DESC, f.char_start
) = 1;

-- Guidance ranges with the release that gave them.
CREATE OR REPLACE VIEW guidance AS
SELECT d.company, d.ticker, d.release_date, f.concept, f.label, f.period_start, f.period_end,
       f.months, f.value_low, f.value_high, f.evidence, f.doc_id
FROM financial_facts f
JOIN documents d USING (doc_id)
WHERE f.is_guidance;
