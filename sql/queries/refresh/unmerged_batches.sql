-- Of the batches in $1 (a bigint[] this transaction has claimed), those not
-- yet recorded in smelt.refreshed_batches. Runs as its own statement so that
-- its snapshot sees every merge committed before the claim's locks were
-- granted.
select b.batch_id
from unnest($1::bigint[]) as b (batch_id)
where not exists (select 1 from smelt.refreshed_batches as r where r.batch_id = b.batch_id)
order by b.batch_id;
