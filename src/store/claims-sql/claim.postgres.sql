update "assignments" set "status" = $1, "completed_at" = $2 where "project_id" = $3 and "status" = $4 and "lease_expires_at" <= $5 returning "item_id";

/* prepared */ select "a".*, "i"."data" from "assignments" as "a" inner join "items" as "i" on "i"."id" = "a"."item_id" where "a"."annotator_id" = $1 and "a"."project_id" = $2 and "a"."status" = $3 and "a"."lease_expires_at" > $4 order by "a"."created_at" limit $5;

/* prepared */ 
    with g as (
      select s.id, row_number() over (order by s.priority desc, s.active_count, s.turn) as ord
      from (select "i"."id", "i"."data", "i"."priority", "i"."active_count", ("i"."seq" * 2654435761 + $1) % 4294967296 as "turn" from "items" as "i" where "i"."project_id" = $2 and "i"."open" = 1 and "i"."is_gold" = 1 and not exists (select "ps"."status" from "annotator_project_status" as "ps" where "ps"."project_id" = $3 and "ps"."annotator_id" = $4 and "ps"."status" = 'paused') and "i"."id" not in (select a.item_id from assignments a where a.annotator_id = $5 and a.project_id = $6) and ("i"."prefer_until" is null or "i"."prefer_until" <= $7 or (("i"."avoid_vendor" is null or "i"."avoid_vendor" <> $8) and $9 >= coalesce("i"."prefer_skill", 0))) and ($10 = 1 or exists (select "n"."id" from "items" as "n" where "n"."project_id" = $11 and "n"."open" = 1 and "n"."is_gold" = 0 and "n"."id" not in (select a.item_id from assignments a where a.annotator_id = $12 and a.project_id = $13) and ("n"."prefer_until" is null or "n"."prefer_until" <= $14 or (("n"."avoid_vendor" is null or "n"."avoid_vendor" <> $15) and $16 >= coalesce("n"."prefer_skill", 0))))) order by "i"."priority" desc, "i"."active_count", ("i"."seq" * 2654435761 + $17) % 4294967296 limit 4) s
    ), n as (
      select s.id, row_number() over (order by s.priority desc, s.seq) as ord
      from (select "i"."id", "i"."data", "i"."priority", "i"."seq" from "items" as "i" where "i"."project_id" = $18 and "i"."open" = 1 and "i"."is_gold" = 0 and not exists (select "ps"."status" from "annotator_project_status" as "ps" where "ps"."project_id" = $19 and "ps"."annotator_id" = $20 and "ps"."status" = 'paused') and "i"."id" not in (select a.item_id from assignments a where a.annotator_id = $21 and a.project_id = $22) and ("i"."prefer_until" is null or "i"."prefer_until" <= $23 or (("i"."avoid_vendor" is null or "i"."avoid_vendor" <> $24) and $25 >= coalesce("i"."prefer_skill", 0))) order by "i"."priority" desc, "i"."seq" limit 4) s
    ), both_kinds as (
      select g.id, case when $26 = 1 then 0 else 1 end as rank, g.ord from g
      union all
      select n.id, case when $27 = 1 then 1 else 0 end as rank, n.ord from n
    ), cand as (
      select items.id from items join both_kinds on both_kinds.id = items.id
      order by both_kinds.rank, both_kinds.ord limit 1
      for update of items skip locked
    ), slot as (
      update items set active_count = items.active_count + 1,
        open = case when items.is_gold = 1 or items.active_count + 1 < $28 + items.extra_k then 1 else 0 end
      from cand where items.id = cand.id and (items.is_gold = 1 or items.active_count < $29 + items.extra_k)
      returning items.id, items.data
    ), ins as (
      insert into assignments (id, project_id, item_id, annotator_id, status, lease_expires_at, created_at)
      select $30, $31, slot.id, $32, 'leased', $33, $34 from slot
      returning item_id
    )
    select slot.id, slot.data from slot join ins on ins.item_id = slot.id;
