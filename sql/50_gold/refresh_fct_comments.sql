-- smelt.refresh_fct_comments() -> comments inserted, changed or removed
-- gold.fct_comments
-- grain: one row per comment; key: (platform_key, comment_id)
-- upstreams: silver.comments (claimed comments), gold.dim_post,
--   gold.dim_user, gold.dim_platform
-- refresh: incremental. Builds pg_temp.tmp_comment_new for the deltas.
-- post_key is NULL while the commented post has not reached gold; it is
-- filled in when the post arrives. Authors without a dim_user row get one
-- (smelt.ensure_dim_user_authors).
create or replace function smelt.refresh_fct_comments()
returns bigint
language plpgsql
set client_min_messages = warning
as $$
declare
    v_removed  bigint;
    v_rows     bigint;
    v_attached bigint;
begin
    drop table if exists pg_temp.tmp_comment_new;
    create temp table tmp_comment_new on commit drop as
    select
        pl.platform_key,
        c.source as platform,
        c.comment_id,
        d.post_key,
        u.user_key,
        smelt.date_key(smelt.utc_day(c.created_at)) as date_key,
        c.created_at,
        c.language,
        c.sentiment_compound,
        c.sentiment_category,
        c.likes,
        c.first_seen_at,
        c.last_observed_at,
        c.author_id,
        c.author_username
    from pg_temp.gold_scope_comments as s
    join silver.comments as c on c.source = s.source and c.comment_id = s.comment_id
    join gold.dim_platform as pl on pl.platform = c.source
    left join gold.dim_post as d on d.platform = c.source and d.post_id = c.post_id
    left join gold.dim_user as u on u.platform = c.source and u.user_id = c.author_id;

    -- Authors without a row yet, and rows that still lack the username
    -- this appearance carries.
    perform smelt.ensure_dim_user_authors(
                array_agg(n.platform), array_agg(n.author_id), array_agg(n.author_username))
       from tmp_comment_new as n
      where n.author_id is not null
        and (n.user_key is null
             or (n.author_username is not null
                 and exists (select from gold.dim_user as u
                              where u.user_key = n.user_key and u.username is null and not u.has_profile)))
     having count(*) > 0;
    if exists (select 1 from tmp_comment_new where user_key is null and author_id is not null) then
        update tmp_comment_new as n
           set user_key = u.user_key
          from gold.dim_user as u
         where n.user_key is null and n.author_id is not null
           and u.platform = n.platform and u.user_id = n.author_id;
    end if;

    delete from gold.fct_comments as f
     using pg_temp.tmp_comment_old as o
     where f.platform_key = o.platform_key and f.comment_id = o.comment_id
       and not exists (
           select 1 from tmp_comment_new as n
           where n.platform_key = o.platform_key and n.comment_id = o.comment_id);
    get diagnostics v_removed = row_count;

    insert into gold.fct_comments as f (
        platform_key, comment_id, post_key, user_key, date_key, created_at, language,
        sentiment_compound, sentiment_category, likes, first_seen_at, last_observed_at)
    select
        platform_key, comment_id, post_key, user_key, date_key, created_at, language,
        sentiment_compound, sentiment_category, likes, first_seen_at, last_observed_at
    from tmp_comment_new
    order by platform_key, comment_id
    on conflict (platform_key, comment_id) do update
        set post_key = excluded.post_key,
            user_key = excluded.user_key,
            date_key = excluded.date_key,
            created_at = excluded.created_at,
            language = excluded.language,
            sentiment_compound = excluded.sentiment_compound,
            sentiment_category = excluded.sentiment_category,
            likes = excluded.likes,
            first_seen_at = excluded.first_seen_at,
            last_observed_at = excluded.last_observed_at
        where (f.post_key, f.user_key, f.date_key, f.created_at, f.language, f.sentiment_compound,
               f.sentiment_category, f.likes, f.first_seen_at, f.last_observed_at)
              is distinct from
              (excluded.post_key, excluded.user_key, excluded.date_key, excluded.created_at,
               excluded.language, excluded.sentiment_compound, excluded.sentiment_category,
               excluded.likes, excluded.first_seen_at, excluded.last_observed_at);
    get diagnostics v_rows = row_count;

    update gold.fct_comments as f
       set post_key = n.post_key
      from pg_temp.tmp_post_new as n
      join silver.comments as c on c.source = n.platform and c.post_id = n.post_id
     where not exists (select 1 from pg_temp.tmp_post_old as o where o.post_key = n.post_key)
       and f.platform_key = n.platform_key and f.comment_id = c.comment_id
       and f.post_key is distinct from n.post_key;
    get diagnostics v_attached = row_count;

    analyze tmp_comment_new (platform_key, comment_id);
    return v_removed + v_rows + v_attached;
end;
$$;
