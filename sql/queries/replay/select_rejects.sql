-- Rejected messages to re-submit, oldest first, locked so that two replays
-- never send the same message. $1 reasons (null: all), $2 rejected since
-- (null: any time), $3 reject ids (null: any), $4 include already replayed,
-- $5 limit.
select reject_id, reason, encode(coalesce(kafka_key, ''::bytea), 'hex') as key_hex,
       kafka_key is null as key_is_null, encode(raw, 'hex') as raw_hex
  from bronze.rejects
 where ($1::text[] is null or reason = any($1::text[]))
   and ($2::timestamptz is null or rejected_at >= $2::timestamptz)
   and ($3::bigint[] is null or reject_id = any($3::bigint[]))
   and ($4::boolean or replayed_at is null)
 order by reject_id
 limit $5::bigint
   for update skip locked;
