/* prepared */ 
    with closed as (
      update assignments set status = 'submitted', completed_at = $1
      where id = $2 and status = 'leased'
      returning item_id
    ), ins as (
      insert into annotations (id, project_id, item_id, assignment_id, annotator_id, vendor_id, answers, schema_version,
        guideline_version, time_spent_ms, client_signals, idempotency_key, created_at)
      select $3, $4, closed.item_id, $5, $6, $7,
        cast($8 as jsonb), cast($9 as integer), cast($10 as integer),
        cast($11 as integer), cast($12 as jsonb), $13, $14
      from closed
      returning item_id
    ), scored as (
      insert into gold_scores (annotation_id, project_id, item_id, annotator_id, vendor_id, correct, questions_scored,
        questions_correct, created_at)
      select $15, $16, ins.item_id, $17, $18, cast($19 as integer),
        cast($20 as integer), cast($21 as integer), $22
      from ins where cast($23 as integer) is not null
      returning annotation_id
    ), gate as (
      insert into annotator_project_status (project_id, annotator_id, status, gold_n, gold_correct, fail_streak, updated_at)
      select $24, $25, 'active', case when cast($26 as integer) is null then 0 else 1 end, coalesce(cast($27 as integer), 0), case when cast($28 as integer) = 0 then 1 else 0 end, $29
      from ins
      on conflict (project_id, annotator_id) do update set 
      gold_n = annotator_project_status.gold_n + excluded.gold_n,
      gold_correct = annotator_project_status.gold_correct + excluded.gold_correct,
      fail_streak = case when excluded.gold_n = 0 then annotator_project_status.fail_streak
        when excluded.gold_correct = 1 then 0 else annotator_project_status.fail_streak + 1 end,
      updated_at = case when excluded.gold_n = 0 then annotator_project_status.updated_at else excluded.updated_at end
      returning status, gold_n, gold_correct, fail_streak
    ), counted as (
      update items set submitted_count = items.submitted_count + 1 from ins where items.id = ins.item_id
      returning items.id
    )
    select (select count(*) from counted) as n, gate.status, gate.gold_n, gate.gold_correct, gate.fail_streak
    from (select 1 as one) one left join gate on true;
