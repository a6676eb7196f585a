package dev.herald.launcher;

import java.util.List;
import java.util.Map;

/**
 * Who may call what, for every endpoint of every service, as one table: each row is an endpoint with
 * the exact status each kind of caller gets. The end-to-end test plays it against the running platform
 * with real tokens, and fails when a service maps an endpoint that has no row here.
 */
final class AccessMatrix {

    /**
     * Kinds of caller; the owner of the resources in play (unit A, subscriber A) comes last, so its
     * deletes do not spoil the others' checks. The three bad tokens all carry a moderator's claims:
     * one signed by an unknown key, one expired and one naming another issuer, both signed by the
     * platform's own issuer key. LEADER decides the review stages a workflow gives to leaders (签发), and
     * otherwise reads what moderators read of the reviews and workflows. UNIT_REVIEWER_A is unit A's responsible
     * person, who signs off unit A's reports before they reach the platform.
     */
    enum Caller {
        NO_TOKEN, FORGED_TOKEN, EXPIRED_TOKEN, OTHER_ISSUER_TOKEN, UNIT_B, MODERATOR, ADMIN, LEADER, UNIT_REVIEWER_A, SUBSCRIBER_B,
        UNIT_A, SUBSCRIBER_A
    }

    /** The ids of live resources owned by unit A and subscriber A, which the rows' paths name. */
    record Resources(String report, String subscription, String disposableSubscription, String subscriber, String notification,
                     String draft) {
    }

    /**
     * @param pattern the path as the service maps it, e.g. {@code /api/reports/{id}}
     * @param path    a concrete path to call
     */
    record Row(HeraldService service, String method, String pattern, String path, String body, Map<Caller, Integer> expected) {
    }

    private AccessMatrix() {
    }

    static List<Row> rows(Resources r) {
        String report = """
                {"channel":"党建新闻","title":"权限矩阵","body":"矩阵测试的正文。"}""";
        String subscription = """
                {"filter":{"keywords":["矩阵"]},"delivery":{"type":"INBOX"}}""";
        List<Row> rows = new java.util.ArrayList<>(deadLetterRows());
        rows.addAll(List.of(
                row(HeraldService.INGEST, "POST", "/api/reports", "/api/reports", report,
                        401, 401, 202, 403, 403, 403, 403, 403, 202, 403),
                // the report was published earlier: its own unit may not revise it, another unit cannot see it
                row(HeraldService.INGEST, "POST", "/api/reports/{id}/revisions", "/api/reports/" + r.report() + "/revisions", report,
                        401, 401, 404, 403, 403, 403, 403, 403, 409, 403),
                // a correction of a report nobody has: units reach the service and learn nothing; nobody else gets in
                row(HeraldService.INGEST, "POST", "/api/reports/{id}/corrections", "/api/reports/rpt-no-such-report/corrections",
                        "{\"note\":\"更正：矩阵\",\"report\":" + report.strip() + "}",
                        401, 401, 404, 403, 403, 403, 403, 403, 404, 403),
                // unit A's report was published long ago: its reviewer may not sign it off or send it back any more
                row(HeraldService.INGEST, "GET", "/api/reports", "/api/reports?status=PUBLISHED", null,
                        401, 401, 200, 403, 403, 403, 200, 403, 200, 403),
                row(HeraldService.INGEST, "POST", "/api/reports/{id}/sign-off", "/api/reports/" + r.report() + "/sign-off", null,
                        401, 401, 403, 403, 403, 403, 409, 403, 403, 403),
                row(HeraldService.INGEST, "POST", "/api/reports/{id}/request-changes", "/api/reports/" + r.report() + "/request-changes",
                        "{\"message\":\"矩阵\"}", 401, 401, 403, 403, 403, 403, 409, 403, 403, 403),
                row(HeraldService.INGEST, "GET", "/api/reports/{id}", "/api/reports/" + r.report(), null,
                        401, 401, 404, 200, 200, 403, 200, 403, 200, 403),
                // drafts are their unit's alone; unit A's draft is edited, submitted, and then can no longer be discarded
                row(HeraldService.INGEST, "POST", "/api/reports/import", "/api/reports/import",
                        "{\"text\":\"权限矩阵草稿\\n2023-06-30\\n矩阵测试的正文，用于检查草稿的权限。\",\"channel\":\"党建新闻\"}",
                        401, 401, 201, 403, 403, 403, 403, 403, 201, 403),
                row(HeraldService.INGEST, "GET", "/api/drafts", "/api/drafts", null,
                        401, 401, 200, 403, 403, 403, 403, 403, 200, 403),
                row(HeraldService.INGEST, "GET", "/api/drafts/{id}", "/api/drafts/" + r.draft(), null,
                        401, 401, 404, 403, 403, 403, 403, 403, 200, 403),
                row(HeraldService.INGEST, "PATCH", "/api/drafts/{id}", "/api/drafts/" + r.draft(), "{\"title\":\"权限矩阵草稿（改）\"}",
                        401, 401, 404, 403, 403, 403, 403, 403, 200, 403),
                row(HeraldService.INGEST, "POST", "/api/drafts/{id}/submit", "/api/drafts/" + r.draft() + "/submit", null,
                        401, 401, 404, 403, 403, 403, 403, 403, 202, 403),
                row(HeraldService.INGEST, "DELETE", "/api/drafts/{id}", "/api/drafts/" + r.draft(), null,
                        401, 401, 404, 403, 403, 403, 403, 403, 409, 403),
                // the registry: anyone signed in reads it; an administrator registers a unit and a channel, then removes them
                row(HeraldService.INGEST, "GET", "/api/units", "/api/units", null,
                        401, 401, 200, 200, 200, 200, 200, 200, 200, 200),
                row(HeraldService.INGEST, "GET", "/api/units/me", "/api/units/me", null,
                        401, 401, 200, 403, 403, 403, 403, 403, 200, 403),
                row(HeraldService.INGEST, "GET", "/api/units/{name}", "/api/units/" + HttpJson.encode("南宁市中医医院"), null,
                        401, 401, 200, 200, 200, 200, 200, 200, 200, 200),
                row(HeraldService.INGEST, "PUT", "/api/units/{name}", "/api/units/" + HttpJson.encode("矩阵测试单位"),
                        "{\"aliases\":[\"矩阵单位\"]}", 401, 401, 403, 403, 201, 403, 403, 403, 403, 403),
                row(HeraldService.INGEST, "DELETE", "/api/units/{name}", "/api/units/" + HttpJson.encode("矩阵测试单位"), null,
                        401, 401, 403, 403, 204, 403, 403, 403, 403, 403),
                row(HeraldService.INGEST, "GET", "/api/channels", "/api/channels", null,
                        401, 401, 200, 200, 200, 200, 200, 200, 200, 200),
                row(HeraldService.INGEST, "PUT", "/api/channels/{name}", "/api/channels/" + HttpJson.encode("矩阵栏目"),
                        "{\"description\":\"权限矩阵\"}", 401, 401, 403, 403, 201, 403, 403, 403, 403, 403),
                row(HeraldService.INGEST, "DELETE", "/api/channels/{name}", "/api/channels/" + HttpJson.encode("矩阵栏目"), null,
                        401, 401, 403, 403, 204, 403, 403, 403, 403, 403),
                // a JSON body is no NDJSON: a unit's call is allowed, and refused as the wrong media type
                row(HeraldService.INGEST, "POST", "/api/reports/bulk", "/api/reports/bulk", report,
                        401, 401, 415, 403, 403, 403, 403, 403, 415, 403),
                // no import has that id: the roles that may look find nothing, the others may not look
                row(HeraldService.INGEST, "GET", "/api/reports/bulk/{id}", "/api/reports/bulk/blk-none", null,
                        401, 401, 404, 404, 404, 403, 403, 403, 404, 403),
                row(HeraldService.INGEST, "GET", "/api/reports/bulk/{id}/items", "/api/reports/bulk/blk-none/items", null,
                        401, 401, 404, 404, 404, 403, 403, 403, 404, 403),
                // feeds: each unit registers its own (the address refuses connections, so background polls fail harmlessly);
                // no feed has the id fd-none: a unit finds nothing, an administrator may look but change nothing
                row(HeraldService.INGEST, "POST", "/api/feeds", "/api/feeds", "{\"url\":\"http://127.0.0.1:9/matrix-feed.xml\"}",
                        401, 401, 201, 403, 403, 403, 403, 403, 201, 403),
                row(HeraldService.INGEST, "GET", "/api/feeds", "/api/feeds", null,
                        401, 401, 200, 403, 200, 403, 403, 403, 200, 403),
                row(HeraldService.INGEST, "GET", "/api/feeds/{id}", "/api/feeds/fd-none", null,
                        401, 401, 404, 403, 404, 403, 403, 403, 404, 403),
                row(HeraldService.INGEST, "PATCH", "/api/feeds/{id}", "/api/feeds/fd-none", "{\"status\":\"PAUSED\"}",
                        401, 401, 404, 403, 403, 403, 403, 403, 404, 403),
                row(HeraldService.INGEST, "DELETE", "/api/feeds/{id}", "/api/feeds/fd-none", null,
                        401, 401, 404, 403, 403, 403, 403, 403, 404, 403),
                row(HeraldService.INGEST, "POST", "/api/feeds/{id}/poll", "/api/feeds/fd-none/poll", null,
                        401, 401, 404, 403, 403, 403, 403, 403, 404, 403),
                row(HeraldService.INGEST, "GET", "/api/feeds/{id}/items", "/api/feeds/fd-none/items", null,
                        401, 401, 404, 403, 404, 403, 403, 403, 404, 403),
                row(HeraldService.MODERATION, "GET", "/api/reviews", "/api/reviews?status=APPROVED", null,
                        401, 401, 403, 200, 200, 200, 403, 403, 403, 403),
                row(HeraldService.MODERATION, "GET", "/api/reviews/{id}", "/api/reviews/" + r.report(), null,
                        401, 401, 403, 200, 200, 200, 403, 403, 403, 403),
                // the review was decided earlier, so the one role that may decide meets a conflict
                row(HeraldService.MODERATION, "POST", "/api/reviews/{id}/approve", "/api/reviews/" + r.report() + "/approve", "{}",
                        401, 401, 403, 409, 403, 409, 403, 403, 403, 403),
                row(HeraldService.MODERATION, "POST", "/api/reviews/{id}/reject", "/api/reviews/" + r.report() + "/reject",
                        "{\"reason\":\"矩阵\"}", 401, 401, 403, 409, 403, 409, 403, 403, 403, 403),
                row(HeraldService.MODERATION, "POST", "/api/reviews/{id}/request-changes",
                        "/api/reviews/" + r.report() + "/request-changes", "{\"message\":\"矩阵\"}", 401, 401, 403, 409, 403, 409, 403, 403, 403, 403),
                row(HeraldService.MODERATION, "POST", "/api/reviews/{id}/claim", "/api/reviews/" + r.report() + "/claim", null,
                        401, 401, 403, 409, 403, 409, 403, 403, 403, 403),
                row(HeraldService.MODERATION, "DELETE", "/api/reviews/{id}/claim", "/api/reviews/" + r.report() + "/claim", null,
                        401, 401, 403, 409, 403, 409, 403, 403, 403, 403),
                // a blank reason keeps the published article up: the moderator's call is allowed, and refused as invalid
                row(HeraldService.MODERATION, "POST", "/api/reviews/{id}/retract", "/api/reviews/" + r.report() + "/retract",
                        "{\"reason\":\" \"}", 401, 401, 403, 400, 403, 403, 403, 403, 403, 403),
                row(HeraldService.MODERATION, "POST", "/api/reviews/{id}/send-back", "/api/reviews/" + r.report() + "/send-back",
                        "{\"stage\":\"初审\",\"message\":\"矩阵\"}", 401, 401, 403, 409, 403, 409, 403, 403, 403, 403),
                row(HeraldService.MODERATION, "POST", "/api/reviews/{id}/important", "/api/reviews/" + r.report() + "/important",
                        "{\"reason\":\"矩阵\"}", 401, 401, 403, 409, 403, 409, 403, 403, 403, 403),
                // the review was published at once, so there is no scheduled publication to move or cancel
                row(HeraldService.MODERATION, "PUT", "/api/reviews/{id}/schedule", "/api/reviews/" + r.report() + "/schedule",
                        "{}", 401, 401, 403, 403, 409, 409, 403, 403, 403, 403),
                row(HeraldService.MODERATION, "DELETE", "/api/reviews/{id}/schedule", "/api/reviews/" + r.report() + "/schedule", null,
                        401, 401, 403, 403, 409, 409, 403, 403, 403, 403),
                // an administrator sets a workflow for a channel no report uses, the deciders may read it, and it is removed
                row(HeraldService.MODERATION, "PUT", "/api/workflows/{name}", "/api/workflows/" + HttpJson.encode("矩阵流程"),
                        "{\"channel\":\"矩阵流程栏目\",\"stages\":[{\"name\":\"初审\",\"role\":\"MODERATOR\"}]}",
                        401, 401, 403, 403, 201, 403, 403, 403, 403, 403),
                row(HeraldService.MODERATION, "GET", "/api/workflows", "/api/workflows", null,
                        401, 401, 403, 200, 200, 200, 403, 403, 403, 403),
                row(HeraldService.MODERATION, "GET", "/api/workflows/{name}", "/api/workflows/" + HttpJson.encode("矩阵流程"), null,
                        401, 401, 403, 200, 200, 200, 403, 403, 403, 403),
                row(HeraldService.MODERATION, "DELETE", "/api/workflows/{name}", "/api/workflows/" + HttpJson.encode("矩阵流程"), null,
                        401, 401, 403, 403, 204, 403, 403, 403, 403, 403),
                row(HeraldService.MODERATION, "GET", "/api/screening/lexicon", "/api/screening/lexicon", null,
                        401, 401, 403, 200, 200, 403, 403, 403, 403, 403),
                // an administrator adds an entry, then removes it again
                row(HeraldService.MODERATION, "POST", "/api/screening/lexicon/terms", "/api/screening/lexicon/terms",
                        "{\"term\":\"矩阵测试词\"}", 401, 401, 403, 403, 200, 403, 403, 403, 403, 403),
                row(HeraldService.MODERATION, "DELETE", "/api/screening/lexicon/terms/{term}",
                        "/api/screening/lexicon/terms/" + HttpJson.encode("矩阵测试词"), null, 401, 401, 403, 403, 204, 403, 403, 403, 403, 403),
                row(HeraldService.MODERATION, "POST", "/api/screening/lexicon/allowed", "/api/screening/lexicon/allowed",
                        "{\"term\":\"矩阵允许词\"}", 401, 401, 403, 403, 200, 403, 403, 403, 403, 403),
                row(HeraldService.MODERATION, "DELETE", "/api/screening/lexicon/allowed/{term}",
                        "/api/screening/lexicon/allowed/" + HttpJson.encode("矩阵允许词"), null, 401, 401, 403, 403, 204, 403, 403, 403, 403, 403),
                // public reading; a token that fails verification is refused even here
                row(HeraldService.SEARCH, "GET", "/api/search", "/api/search?q=%E7%96%AB%E6%83%85", null,
                        200, 401, 200, 200, 200, 200, 200, 200, 200, 200),
                row(HeraldService.SEARCH, "GET", "/api/articles/{id}", "/api/articles/" + r.report(), null,
                        200, 401, 200, 200, 200, 200, 200, 200, 200, 200),
                row(HeraldService.SEARCH, "GET", "/api/search/suggest", "/api/search/suggest?prefix=%E5%A6%82", null,
                        200, 401, 200, 200, 200, 200, 200, 200, 200, 200),
                row(HeraldService.SEARCH, "GET", "/api/articles/{id}/related", "/api/articles/" + r.report() + "/related", null,
                        200, 401, 200, 200, 200, 200, 200, 200, 200, 200),
                row(HeraldService.SEARCH, "GET", "/api/search/dictionary", "/api/search/dictionary", null,
                        401, 401, 403, 200, 200, 403, 403, 403, 403, 403),
                // an entry too short to keep: the administrator's call is allowed, and refused as invalid
                row(HeraldService.SEARCH, "PUT", "/api/search/dictionary", "/api/search/dictionary",
                        "{\"phrases\":[\"x\"],\"synonyms\":[]}", 401, 401, 403, 403, 400, 403, 403, 403, 403, 403),
                row(HeraldService.SEARCH, "GET", "/api/search/index", "/api/search/index", null,
                        401, 401, 403, 403, 200, 403, 403, 403, 403, 403),
                row(HeraldService.SEARCH, "POST", "/api/search/index/rebuild", "/api/search/index/rebuild", null,
                        401, 401, 403, 403, 202, 403, 403, 403, 403, 403),
                row(HeraldService.NOTIFICATION, "POST", "/api/subscriptions", "/api/subscriptions", subscription,
                        401, 401, 403, 403, 403, 403, 403, 201, 403, 201),
                row(HeraldService.NOTIFICATION, "GET", "/api/subscriptions/{id}", "/api/subscriptions/" + r.subscription(), null,
                        401, 401, 403, 403, 403, 403, 403, 404, 403, 200),
                row(HeraldService.NOTIFICATION, "DELETE", "/api/subscriptions/{id}", "/api/subscriptions/" + r.disposableSubscription(), null,
                        401, 401, 403, 403, 403, 403, 403, 404, 403, 204),
                row(HeraldService.NOTIFICATION, "GET", "/api/subscribers/{subscriber}/notifications",
                        "/api/subscribers/" + r.subscriber() + "/notifications", null,
                        401, 401, 403, 403, 403, 403, 403, 404, 403, 200),
                // a unit's reviewers read their sign-off desk's notices: subscriber A's is as good as absent to them
                row(HeraldService.NOTIFICATION, "GET", "/api/notifications/{id}", "/api/notifications/" + r.notification(), null,
                        401, 401, 404, 403, 403, 403, 404, 404, 404, 200),
                row(HeraldService.NOTIFICATION, "POST", "/api/notifications/{id}/read", "/api/notifications/" + r.notification() + "/read",
                        null, 401, 401, 404, 403, 403, 403, 404, 404, 404, 200),
                row(HeraldService.NOTIFICATION, "GET", "/api/subscriptions", "/api/subscriptions", null,
                        401, 401, 403, 403, 403, 403, 403, 200, 403, 200),
                row(HeraldService.NOTIFICATION, "PUT", "/api/subscriptions/{id}", "/api/subscriptions/" + r.subscription(), subscription,
                        401, 401, 403, 403, 403, 403, 403, 404, 403, 200),
                // the owner pauses, then resumes, so the subscription ends as it began
                row(HeraldService.NOTIFICATION, "POST", "/api/subscriptions/{id}/pause", "/api/subscriptions/" + r.subscription() + "/pause",
                        null, 401, 401, 403, 403, 403, 403, 403, 404, 403, 200),
                row(HeraldService.NOTIFICATION, "POST", "/api/subscriptions/{id}/resume", "/api/subscriptions/" + r.subscription() + "/resume",
                        null, 401, 401, 403, 403, 403, 403, 403, 404, 403, 200),
                // subscriber A's subscription delivers to the inbox: there is no signing secret to rotate
                row(HeraldService.NOTIFICATION, "POST", "/api/subscriptions/{id}/secret/rotate",
                        "/api/subscriptions/" + r.subscription() + "/secret/rotate", null,
                        401, 401, 403, 403, 403, 403, 403, 404, 403, 409),
                row(HeraldService.NOTIFICATION, "GET", "/api/subscribers/{subscriber}/notifications/stream",
                        "/api/subscribers/" + r.subscriber() + "/notifications/stream?seconds=1", null,
                        401, 401, 403, 403, 403, 403, 403, 404, 403, 200),
                row(HeraldService.NOTIFICATION, "POST", "/api/subscribers/{subscriber}/notifications/read",
                        "/api/subscribers/" + r.subscriber() + "/notifications/read", null,
                        401, 401, 403, 403, 403, 403, 403, 404, 403, 200),
                // a review desk is its role's: a moderator asking for the leaders' desk learns nothing, an administrator reads any
                row(HeraldService.NOTIFICATION, "GET", "/api/desks/{role}/notifications", "/api/desks/LEADER/notifications", null,
                        401, 401, 403, 404, 200, 200, 403, 403, 403, 403),
                // who is mailed from a desk is an administrator's choice; an empty list (what the row sets) mails nobody
                row(HeraldService.NOTIFICATION, "GET", "/api/desks/{role}/mail-recipients", "/api/desks/LEADER/mail-recipients", null,
                        401, 401, 403, 403, 200, 403, 403, 403, 403, 403),
                row(HeraldService.NOTIFICATION, "PUT", "/api/desks/{role}/mail-recipients", "/api/desks/LEADER/mail-recipients",
                        "{\"addresses\":[]}", 401, 401, 403, 403, 200, 403, 403, 403, 403, 403),
                // for a unit's reviewer, the unit's sign-off desk (what waits for 本单位审核)
                row(HeraldService.NOTIFICATION, "GET", "/api/units/me/notifications", "/api/units/me/notifications", null,
                        401, 401, 200, 403, 403, 403, 200, 403, 200, 403),
                // signed links need no login: without their token they are a bad request for anyone
                row(HeraldService.NOTIFICATION, "GET", "/api/unsubscribe", "/api/unsubscribe", null,
                        400, 401, 400, 400, 400, 400, 400, 400, 400, 400),
                row(HeraldService.NOTIFICATION, "POST", "/api/unsubscribe", "/api/unsubscribe", null,
                        400, 401, 400, 400, 400, 400, 400, 400, 400, 400),
                row(HeraldService.NOTIFICATION, "GET", "/api/email-verification", "/api/email-verification", null,
                        400, 401, 400, 400, 400, 400, 400, 400, 400, 400),
                row(HeraldService.NOTIFICATION, "GET", "/api/notifications/{id}/deliveries",
                        "/api/notifications/" + r.notification() + "/deliveries", null,
                        401, 401, 403, 403, 403, 403, 403, 404, 403, 200),
                row(HeraldService.NOTIFICATION, "GET", "/api/subscriptions/{id}/deliveries",
                        "/api/subscriptions/" + r.subscription() + "/deliveries?status=FAILED", null,
                        401, 401, 403, 403, 403, 403, 403, 404, 403, 200),
                // no delivery of subscriber A has failed, so there is none to replay, for A either
                row(HeraldService.NOTIFICATION, "POST", "/api/deliveries/{id}/replay", "/api/deliveries/msg_none/replay", null,
                        401, 401, 403, 403, 403, 403, 403, 404, 403, 404)));
        return List.copyOf(rows);
    }

    /**
     * Every consuming service's dead letters are for administrators alone. No letter has the id used,
     * and the replay of many is confined to a topic that does not exist, so nothing is replayed here.
     */
    private static List<Row> deadLetterRows() {
        List<Row> rows = new java.util.ArrayList<>();
        for (HeraldService service : HeraldService.values()) {
            if (!service.isPublishingService()) {
                continue;
            }
            String base = "/api/admin/dead-letters";
            String none = base + "/matrix-none." + service.artifact() + ".dlq-0-999999999";
            rows.add(row(service, "GET", base, base + "?topic=article-published", null, 401, 401, 403, 403, 200, 403, 403, 403, 403, 403));
            rows.add(row(service, "GET", base + "/{id}", none, null, 401, 401, 403, 403, 404, 403, 403, 403, 403, 403));
            rows.add(row(service, "POST", base + "/{id}/replay", none + "/replay", null, 401, 401, 403, 403, 404, 403, 403, 403, 403, 403));
            rows.add(row(service, "POST", base + "/replay", base + "/replay?topic=matrix-none", null,
                    401, 401, 403, 403, 200, 403, 403, 403, 403, 403));
            rows.add(row(service, "DELETE", base + "/{id}", none, null, 401, 401, 403, 403, 404, 403, 403, 403, 403, 403));
        }
        return rows;
    }

    /**
     * Statuses in {@link Caller} order, leaving out the expired and other-issuer tokens: a token that
     * fails verification is a 401 everywhere, public endpoints included, exactly as the forged one.
     */
    private static Row row(HeraldService service, String method, String pattern, String path, String body, int... statuses) {
        List<Caller> listed = java.util.Arrays.stream(Caller.values())
                .filter(c -> c != Caller.EXPIRED_TOKEN && c != Caller.OTHER_ISSUER_TOKEN).toList();
        Map<Caller, Integer> expected = new java.util.EnumMap<>(Caller.class);
        for (int i = 0; i < listed.size(); i++) {
            expected.put(listed.get(i), statuses[i]);
        }
        expected.put(Caller.EXPIRED_TOKEN, 401);
        expected.put(Caller.OTHER_ISSUER_TOKEN, 401);
        return new Row(service, method, pattern, path, body, expected);
    }
}
