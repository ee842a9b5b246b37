-- Loads decoded account profiles (decode::append_copy_row, USER_COLUMNS order).
copy pg_temp.stg_users (
    source, user_id, username, display_name, followers, following, verified, region,
    observed_at, batch_id, kafka_partition, kafka_offset)
from stdin;
