-- Integrated assessment: Zelfredzaamheid-Matrix (ZRM) scores and the Participatieladder over time, and barriers
-- (belemmeringen) per life domain. A scoring moment is history: the application may add one, never change or
-- remove it (no UPDATE or DELETE grant). Barriers change status, with a version for If-Match.

CREATE TABLE zrm_assessments (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  resident_id uuid NOT NULL,
  scored_by uuid NOT NULL,
  scored_at timestamptz NOT NULL,
  note text CHECK (note IS NULL OR length(note) BETWEEN 1 AND 4000),
  -- Participatieladder (VNG), 1 Geïsoleerd … 6 Betaald werk; NULL when only ZRM domains were scored.
  ladder_rung smallint CHECK (ladder_rung BETWEEN 1 AND 6),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, resident_id) REFERENCES residents (municipality_id, id),
  FOREIGN KEY (municipality_id, scored_by) REFERENCES staff_users (municipality_id, id)
);
-- History and "latest per resident" (newest first).
CREATE INDEX zrm_assessments_resident_idx ON zrm_assessments (municipality_id, resident_id, scored_at DESC, id DESC);

CREATE TABLE zrm_scores (
  municipality_id uuid NOT NULL,
  assessment_id uuid NOT NULL,
  domain text NOT NULL CHECK (domain IN ('finances', 'workAndEducation', 'timeUse', 'housing', 'domesticRelations',
    'mentalHealth', 'physicalHealth', 'substanceUse', 'basicAdl', 'instrumentalAdl', 'socialNetwork',
    'communityParticipation', 'justice')),
  score smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
  PRIMARY KEY (municipality_id, assessment_id, domain),
  FOREIGN KEY (municipality_id, assessment_id) REFERENCES zrm_assessments (municipality_id, id)
);

CREATE TABLE barriers (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  resident_id uuid NOT NULL,
  domain text NOT NULL CHECK (domain IN ('finances', 'workAndEducation', 'timeUse', 'housing', 'domesticRelations',
    'mentalHealth', 'physicalHealth', 'substanceUse', 'basicAdl', 'instrumentalAdl', 'socialNetwork',
    'communityParticipation', 'justice')),
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'inProgress', 'resolved')),
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, resident_id) REFERENCES residents (municipality_id, id),
  FOREIGN KEY (municipality_id, created_by) REFERENCES staff_users (municipality_id, id),
  FOREIGN KEY (municipality_id, updated_by) REFERENCES staff_users (municipality_id, id)
);
CREATE INDEX barriers_resident_idx ON barriers (municipality_id, resident_id, created_at DESC);

-- Row-level security, the same tenant isolation as the foundation tables.
ALTER TABLE zrm_assessments ENABLE ROW LEVEL SECURITY;
ALTER TABLE zrm_scores ENABLE ROW LEVEL SECURITY;
ALTER TABLE barriers ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON zrm_assessments
  USING (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid))
  WITH CHECK (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid));
CREATE POLICY tenant_isolation ON zrm_scores
  USING (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid))
  WITH CHECK (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid));
CREATE POLICY tenant_isolation ON barriers
  USING (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid))
  WITH CHECK (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid));

-- Scoring moments are append-only for the application; barriers are updated (status), never deleted.
GRANT SELECT, INSERT ON zrm_assessments, zrm_scores TO samenplan_app;
GRANT SELECT, INSERT, UPDATE ON barriers TO samenplan_app;
