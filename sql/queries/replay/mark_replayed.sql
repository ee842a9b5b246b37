-- Marks re-submitted rejects.
update bronze.rejects
   set replayed_at = now()
 where reject_id = any($1::bigint[]);
