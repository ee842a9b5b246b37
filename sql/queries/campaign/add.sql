-- Adds campaign $1 of brand $2 with hashtags $3 and keywords $4 (JSON arrays
-- of strings), running from $5 (NULL: now) until $6 (NULL: open-ended).
-- Returns its id.
select smelt.add_campaign(
    $1, $2,
    array(select jsonb_array_elements_text($3::jsonb)),
    array(select jsonb_array_elements_text($4::jsonb)),
    coalesce($5::timestamptz, now()),
    $6::timestamptz);
