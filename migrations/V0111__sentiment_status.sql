-- Sentiment that could not be scored is NULL with its reason, never a 0.0
-- that reads as neutral.
--
-- silver.posts.sentiment_status, silver.comments.sentiment_status:
--   scored                 sentiment_compound/category/model are set
--   no_text                the post has no text
--   unsupported_language   smelt has no model for the post's language
--   undetermined_language  the language is unknown and the text has words
-- Existing rows were scored (compound set) or had no text.
--
-- Marts that average sentiment gain unscored_posts = posts - scored_posts,
-- so an average is never read as covering posts it does not cover.

alter table silver.posts add column sentiment_status text;
update silver.posts
   set sentiment_status = case when sentiment_compound is not null then 'scored' else 'no_text' end;
alter table silver.posts alter column sentiment_status set default 'no_text';
alter table silver.posts alter column sentiment_status set not null;

alter table silver.comments add column sentiment_status text;
update silver.comments
   set sentiment_status = case when sentiment_compound is not null then 'scored' else 'no_text' end;
alter table silver.comments alter column sentiment_status set default 'no_text';
alter table silver.comments alter column sentiment_status set not null;

drop index silver.posts_invalid_values_idx;
create index posts_invalid_values_idx on silver.posts (source, post_id)
    where source not in ('x', 'instagram', 'tiktok', 'youtube', 'reddit')
       or sentiment_category not in ('positive', 'neutral', 'negative')
       or (sentiment_category is null) <> (sentiment_compound is null)
       or sentiment_compound < -1 or sentiment_compound > 1
       or sentiment_status not in ('scored', 'no_text', 'unsupported_language', 'undetermined_language')
       or (sentiment_status = 'scored') <> (sentiment_compound is not null)
       or language = '';

drop index silver.comments_invalid_values_idx;
create index comments_invalid_values_idx on silver.comments (source, comment_id)
    where source not in ('x', 'instagram', 'tiktok', 'youtube', 'reddit')
       or sentiment_category not in ('positive', 'neutral', 'negative')
       or sentiment_status not in ('scored', 'no_text', 'unsupported_language', 'undetermined_language')
       or (sentiment_status = 'scored') <> (sentiment_compound is not null)
       or language = ''
       or likes < 0;

alter table gold.mart_hashtag_sentiment_hourly
    add column unscored_posts bigint generated always as (posts - scored_posts) stored;
alter table gold.mart_hashtag_daily
    add column unscored_posts bigint generated always as (posts - scored_posts) stored;
alter table gold.mart_campaign_daily
    add column unscored_posts bigint generated always as (posts - scored_posts) stored;
alter table gold.mart_hourly_activity
    add column unscored_posts bigint generated always as (posts - scored_posts) stored;
