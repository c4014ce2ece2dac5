-- Drug-pipeline views over `documents` and `pipeline_facts`.
--
-- How phase and indication are stored (pipelines/drugs/extract.py):
--   * a phase fact has kind = 'phase', value = the normalized phase
--     (Preclinical, Phase 1, Phase 1/2, Phase 2, Phase 2/3, Phase 3, Filed,
--     Approved), indication = the disease the sentence ties it to (NULL when
--     it ties it to none) and detail = '<printed form>; line=...' with
--     `key=value` qualifiers separated by '; '.
--   * indications carry one short name per disease across releases (the
--     vocabulary abbreviation, e.g. 'SCLC' or 'MDD', otherwise the vocabulary
--     name, e.g. 'ovarian cancer'); a disease outside the vocabulary is named by
--     the abbreviation its release defines.
--   * `drug` is already the canonical name across releases (IMGN901, T-DM1).
-- Phases are ranked in the order above; "the phase as of a release" is the
-- highest phase that release states for the drug and indication.
-- Releases without a release_date (NULL) sort first in the timeline and never
-- count as the latest word in drug_status unless they are the only word.


-- drug_timeline: one row per drug, indication and release, with the phase as
-- of that release and the sentence that said so.
--   columns: drug, indication (NULL when the phase is not tied to one), doc_id,
--            release_date, company, phase, evidence
-- Example queries:
--   -- how did IMGN901 progress in SCLC?
--   SELECT release_date, phase, evidence FROM drug_timeline
--   WHERE drug = 'IMGN901' AND indication = 'SCLC' ORDER BY release_date NULLS FIRST;
--   -- every drug that moved into Phase 3 during 2011
--   SELECT DISTINCT drug, indication FROM drug_timeline
--   WHERE phase = 'Phase 3' AND release_date BETWEEN DATE '2011-01-01' AND DATE '2011-12-31';
CREATE OR REPLACE VIEW drug_timeline AS
WITH ranked AS (
    SELECT
        f.drug,
        f.indication,
        f.doc_id,
        d.release_date,
        d.company,
        f.value AS phase,
        f.evidence,
        f.char_start,
        CASE f.value
            WHEN 'Preclinical' THEN 0 WHEN 'Phase 1' THEN 1 WHEN 'Phase 1/2' THEN 2
            WHEN 'Phase 2' THEN 3 WHEN 'Phase 2/3' THEN 4 WHEN 'Phase 3' THEN 5
            WHEN 'Filed' THEN 6 WHEN 'Approved' THEN 7
        END AS phase_rank
    FROM pipeline_facts AS f
    LEFT JOIN documents AS d USING (doc_id)
    WHERE f.kind = 'phase'
)
SELECT drug, indication, doc_id, release_date, company, phase, evidence
FROM (
    SELECT
        *,
        row_number() OVER (
            PARTITION BY drug, indication, doc_id
            ORDER BY phase_rank DESC, char_start
        ) AS pick
    FROM ranked
)
WHERE pick = 1
ORDER BY drug, indication NULLS FIRST, release_date NULLS FIRST, doc_id;


-- drug_status: the latest known phase per drug and indication, with the
-- release that said so. Latest = most recent release_date (undated releases
-- only when nothing dated exists); on the same date the higher phase wins.
--   columns: drug, indication, phase, as_of (release_date), doc_id, company
-- Example queries:
--   -- where does every ImmunoGen drug stand?
--   SELECT drug, indication, phase, as_of FROM drug_status
--   WHERE company ILIKE 'ImmunoGen%' ORDER BY drug, indication;
--   -- everything in Phase 2 or later, most recently confirmed first
--   SELECT * FROM drug_status
--   WHERE phase IN ('Phase 2', 'Phase 2/3', 'Phase 3', 'Filed', 'Approved')
--   ORDER BY as_of DESC NULLS LAST;
CREATE OR REPLACE VIEW drug_status AS
SELECT drug, indication, phase, release_date AS as_of, doc_id, company
FROM (
    SELECT
        t.*,
        row_number() OVER (
            PARTITION BY drug, indication
            ORDER BY
                release_date IS NULL,
                release_date DESC,
                CASE phase
                    WHEN 'Preclinical' THEN 0 WHEN 'Phase 1' THEN 1 WHEN 'Phase 1/2' THEN 2
                    WHEN 'Phase 2' THEN 3 WHEN 'Phase 2/3' THEN 4 WHEN 'Phase 3' THEN 5
                    WHEN 'Filed' THEN 6 WHEN 'Approved' THEN 7
                END DESC,
                doc_id
        ) AS pick
    FROM drug_timeline AS t
)
WHERE pick = 1
ORDER BY drug, indication NULLS FIRST;
