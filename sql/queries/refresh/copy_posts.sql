-- Loads decoded post observations (decode::append_copy_row, POST_COLUMNS order).
copy pg_temp.stg_posts (
    source, post_id, author_id, author_username, created_at, observed_at,
    text, language, region, url,
    likes, shares, comments, views, impressions,
    hashtags, hashtags_normalized, mentions, cashtags, urls,
    sentiment_compound, sentiment_category, sentiment_model, sentiment_status,
    batch_id, kafka_partition, kafka_offset)
from stdin;
