-- pressroom warehouse: the tables. Created with IF NOT EXISTS so opening an
-- existing warehouse is harmless; views live in views.sql and drug_views.sql.
-- Every fact row keeps its provenance: doc_id, section_no, the exact evidence
-- text and its character offsets into documents.clean_text.

CREATE TABLE IF NOT EXISTS documents (
    doc_id        VARCHAR PRIMARY KEY,  -- sha256(source_path \0 file sha256)[:16]
    source_path   VARCHAR NOT NULL,     -- absolute path of the inbox file
    sha256        VARCHAR NOT NULL,     -- of the file's bytes
    size_bytes    BIGINT,
    format        VARCHAR,              -- what was read, by content: txt, md, html, pdf, docx, odt, rtf, eml, xml, json; the suffix if rejected unread
    encoding      VARCHAR,              -- how the bytes were decoded
    status        VARCHAR NOT NULL,     -- 'read' or 'rejected'
    reject_reason VARCHAR,              -- why a file could not be read
    title         VARCHAR,
    release_date  DATE,                 -- as the release states it; NULL when it states none
    company       VARCHAR,
    ticker        VARCHAR,
    exchange      VARCHAR,
    doc_type      VARCHAR,              -- earnings, clinical, regulatory, deal, corporate, other
    ingested_at   TIMESTAMP,            -- first time this exact file was read
    raw_text      VARCHAR,              -- decoded text, verbatim (HTML/PDF turned to text)
    clean_text    VARCHAR               -- normalized text; all offsets index this
);

CREATE TABLE IF NOT EXISTS sections (
    doc_id     VARCHAR NOT NULL,
    section_no INTEGER NOT NULL,
    kind       VARCHAR NOT NULL,  -- headline, subheadline, dateline, body, highlights, financial_results,
                                  -- guidance, table, about_company, about_product, forward_looking,
                                  -- contacts, footnotes, other
    heading    VARCHAR,
    text       VARCHAR,
    char_start INTEGER,
    char_end   INTEGER,
    PRIMARY KEY (doc_id, section_no)
);

CREATE TABLE IF NOT EXISTS financial_facts (
    fact_id      VARCHAR PRIMARY KEY,
    doc_id       VARCHAR NOT NULL,
    section_no   INTEGER,
    concept      VARCHAR NOT NULL,  -- us-gaap name, or a CamelCase name of the company's own line
    label        VARCHAR,           -- the label as printed
    value        DOUBLE,            -- base units (USD, USD/share, shares), XBRL sign (net loss < 0)
    unit         VARCHAR,           -- USD, USD/share, shares (EUR etc. where the release reports in another currency)
    decimals     INTEGER,           -- XBRL decimals: -3 thousands, -5 "$14.2 million", 2 cents
    period_start DATE,
    period_end   DATE,
    months       INTEGER,           -- 0 for a balance-sheet instant
    fiscal_label VARCHAR,           -- e.g. 2QFY2011, FY2011
    source       VARCHAR,           -- 'table' or 'text'
    is_guidance  BOOLEAN,
    value_low    DOUBLE,            -- guidance range, XBRL signs
    value_high   DOUBLE,
    evidence     VARCHAR,           -- exact text the figure came from
    char_start   INTEGER,
    char_end     INTEGER,
    status       VARCHAR,           -- 'ok' or 'flagged' by a data-quality check (never deleted)
    table_no     INTEGER,           -- n-th table of the release (table facts)
    row_no       INTEGER            -- logical top-down row within that table
);

CREATE TABLE IF NOT EXISTS deals (
    deal_id      VARCHAR PRIMARY KEY,
    doc_id       VARCHAR NOT NULL,
    section_no   INTEGER,
    kind         VARCHAR,  -- upfront, milestone, potential_milestones, royalty, equity, grant
    counterparty VARCHAR,
    amount       DOUBLE,   -- in currency; NULL for a royalty without an amount
    currency     VARCHAR,  -- ISO code, USD unless the release states another
    drug         VARCHAR,
    trigger      VARCHAR,  -- what triggers a milestone, e.g. 'IND submission'
    evidence     VARCHAR,
    char_start   INTEGER,
    char_end     INTEGER
);

CREATE TABLE IF NOT EXISTS pipeline_facts (
    fact_id        VARCHAR PRIMARY KEY,
    doc_id         VARCHAR NOT NULL,
    section_no     INTEGER,
    drug           VARCHAR NOT NULL,  -- canonical name, one per molecule across releases
    kind           VARCHAR NOT NULL,  -- phase, indication, target, payload, partner, trial, regulatory, milestone
    value          VARCHAR,
    indication     VARCHAR,           -- disease a phase or regulatory event applies to, where stated
    detail         VARCHAR,
    expected_start DATE,              -- milestone window, from fuzzy dates ("mid-2011")
    expected_end   DATE,
    evidence       VARCHAR,
    char_start     INTEGER,
    char_end       INTEGER,
    status         VARCHAR            -- 'ok' or 'flagged' by a data-quality check (never deleted)
);

-- A warehouse written before `indication` had its own column gains it here;
-- the next run of pipeline_facts fills it.
ALTER TABLE pipeline_facts ADD COLUMN IF NOT EXISTS indication VARCHAR;

CREATE TABLE IF NOT EXISTS drug_aliases (
    drug       VARCHAR NOT NULL,
    alias      VARCHAR NOT NULL,
    alias_type VARCHAR,  -- code, inn, brand, abbreviation, other
    PRIMARY KEY (drug, alias)
);

CREATE TABLE IF NOT EXISTS quality_results (
    run_id     VARCHAR,
    check_name VARCHAR NOT NULL,
    doc_id     VARCHAR,   -- the release whose facts were checked
    subject    VARCHAR,   -- e.g. 'Assets 2010-12-31'
    passed     BOOLEAN NOT NULL,
    severity   VARCHAR,   -- 'error' or 'warn'
    observed   VARCHAR,
    expected   VARCHAR,
    checked_at TIMESTAMP
);

-- Which facts a check flagged; financial_facts.status is derived from it so a
-- re-run of one check can clear the flags it set before.
CREATE TABLE IF NOT EXISTS fact_flags (
    check_name VARCHAR NOT NULL,
    fact_id    VARCHAR NOT NULL
);
