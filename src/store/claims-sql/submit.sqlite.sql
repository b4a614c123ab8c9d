/* prepared */ update "assignments" set "status" = ?, "completed_at" = ?, "skip_reason" = ? where "id" = ? and "status" = ?;

/* prepared */ insert into "annotations" ("id", "project_id", "item_id", "assignment_id", "annotator_id", "vendor_id", "answers", "schema_version", "guideline_version", "time_spent_ms", "client_signals", "idempotency_key", "created_at") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

/* prepared */ 
    insert into gold_scores (annotation_id, project_id, item_id, annotator_id, vendor_id, correct, questions_scored, questions_correct, created_at)
    select ?, ?, ?, ?, ?, cast(? as integer),
      cast(? as integer), cast(? as integer), ?
    where cast(? as integer) is not null;

/* prepared */ update "items" set "submitted_count" = submitted_count + 1 where "id" = ?;

/* prepared */ 
    insert into annotator_project_status (project_id, annotator_id, status, gold_n, gold_correct, fail_streak, updated_at)
    values (?, ?, 'active', case when cast(? as integer) is null then 0 else 1 end, coalesce(cast(? as integer), 0), case when cast(? as integer) = 0 then 1 else 0 end, ?)
    on conflict (project_id, annotator_id) do update set 
      gold_n = annotator_project_status.gold_n + excluded.gold_n,
      gold_correct = annotator_project_status.gold_correct + excluded.gold_correct,
      fail_streak = case when excluded.gold_n = 0 then annotator_project_status.fail_streak
        when excluded.gold_correct = 1 then 0 else annotator_project_status.fail_streak + 1 end,
      updated_at = case when excluded.gold_n = 0 then annotator_project_status.updated_at else excluded.updated_at end
    returning status, gold_n, gold_correct, fail_streak;
