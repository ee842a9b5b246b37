#pragma once

#include "decode/event.hpp"

// One decoder per platform: each reads the payload of an event of any kind
// (post, comment, user) and appends its rows. docs/decoding.md describes the
// field mapping of each.
namespace smelt::decode {

/// X: API v2 tweets (with includes.users and includes.places) and v1.1 statuses and users.
Status decode_x(const Event& event, Emitter& emit);
/// Reddit: listing children t3 (post), t1 (comment) and t2 (account).
Status decode_reddit(const Event& event, Emitter& emit);
/// YouTube Data API v3: youtube#video, youtube#commentThread / youtube#comment, youtube#channel.
Status decode_youtube(const Event& event, Emitter& emit);
/// Instagram Graph API: IG media, IG comment, IG user.
Status decode_instagram(const Event& event, Emitter& emit);
/// TikTok Research API: video, comment, user info.
Status decode_tiktok(const Event& event, Emitter& emit);

}  // namespace smelt::decode
