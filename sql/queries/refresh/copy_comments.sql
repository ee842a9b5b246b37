-- Loads decoded comment observations (decode::append_copy_row, COMMENT_COLUMNS order).
copy pg_temp.stg_comments (
    source, comment_id, post_id, author_id, author_username, created_at, observed_at,
    text, language, likes,
    hashtags, hashtags_normalized, mentions,
    sentiment_compound, sentiment_category, sentiment_model, sentiment_status,
    batch_id, kafka_partition, kafka_offset)
from stdin;
