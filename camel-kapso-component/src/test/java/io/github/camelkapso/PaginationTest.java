package io.github.camelkapso;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.error.KapsoPaginationException;
import io.github.camelkapso.support.KapsoProducerTestBase;
import io.github.camelkapso.support.RecordedRequest;
import io.github.camelkapso.support.StubResponse;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cursor, page and offset pagination driven through {@code kapso:} against the stub server: what each follow-up
 * request carries, what the caller gets back, and the guards that keep a misbehaving server from looping us.
 */
class PaginationTest extends KapsoProducerTestBase {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String PN = "1555000";

    @Override
    protected void configure(KapsoComponent component) {
        component.getConfiguration().setPhoneNumberId(PN);
    }

    @Override
    protected RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:splitAll")
                        .to("kapso:listBroadcasts?autoPaginate=true&splitResult=true&pageSize=2")
                        .split(body())
                        .to("mock:item");
                from("direct:splitOnePage")
                        .to("kapso:listMessages?splitResult=true")
                        .split(body())
                        .to("mock:pageItem");
            }
        };
    }

    // ---------------------------------------------------------------- cursor (Graph)

    @Test
    void graphCursorListIsFollowedToTheLastPageAndReturnedAsOneList() {
        stub.respond(graphPages(3, 2));

        Exchange result = send("kapso:listMessages?autoPaginate=true", null);

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody()).isInstanceOf(List.class);
        assertThat(ids(result.getMessage().getBody(List.class))).containsExactly("m0-0", "m0-1", "m1-0", "m1-1", "m2-0", "m2-1");
        assertThat(result.getMessage().getHeader(KapsoConstants.PAGES_FETCHED)).isEqualTo(3);
        assertThat(result.getMessage().getHeader(KapsoConstants.ITEM_COUNT)).isEqualTo(6);
        assertThat(result.getMessage().getHeader(KapsoConstants.NEXT_CURSOR)).isNull();

        List<RecordedRequest> requests = stub.requests();
        assertThat(requests).hasSize(3);
        assertThat(requests).allSatisfy(r -> assertThat(r.rawPath()).isEqualTo("/meta/whatsapp/v24.0/" + PN + "/messages"));
        assertThat(requests.get(0).query()).doesNotContainKey("after");
        assertThat(requests.get(1).query()).containsEntry("after", "c1").doesNotContainKey("before");
        assertThat(requests.get(2).query()).containsEntry("after", "c2").doesNotContainKey("before");
    }

    @Test
    void kapsoStoredCursorListWithoutNextLinksStopsWhenTheAfterCursorIsGone() {
        stub.respond(kapsoStoredPages(3, 2));

        Exchange result = send("kapso:listMessages?autoPaginate=true", null);

        assertThat(result.getException()).isNull();
        assertThat(ids(result.getMessage().getBody(List.class))).hasSize(6).startsWith("m0-0").endsWith("m2-1");
        assertThat(result.getMessage().getHeader(KapsoConstants.PAGES_FETCHED)).isEqualTo(3);
        assertThat(stub.requests()).extracting(r -> r.query().get("after")).containsExactly(null, "c1", "c2");
    }

    @Test
    void cursorGivenByTheCallerIsWhereTheWalkStarts() {
        stub.respond(kapsoStoredPages(3, 2));

        Exchange result = send("kapso:listMessages?autoPaginate=true", null, Map.of("CamelKapsoAfter", "c1"));

        assertThat(ids(result.getMessage().getBody(List.class))).containsExactly("m1-0", "m1-1", "m2-0", "m2-1");
        assertThat(stub.requests()).extracting(r -> r.query().get("after")).containsExactly("c1", "c2");
    }

    @Test
    void anEmptyGraphPageThatStillHasANextLinkIsNotTheEnd() {
        // Graph: "a page may be empty but contain a next link; stop paging when next no longer appears"
        stub.respond(r -> {
            String after = r.query().get("after");
            if (after == null) {
                return StubResponse.json(200, "{\"data\":[{\"id\":\"t1\"}],\"paging\":{\"cursors\":{\"before\":\"A\",\"after\":\"B\"},"
                                              + "\"next\":\"https://graph.facebook.com/v24.0/w/message_templates?after=B\"}}");
            }
            if (after.equals("B")) {
                // no cursors object: the cursor must come from the next URL itself
                return StubResponse.json(200, "{\"data\":[],\"paging\":{\"next\":\"https://graph.facebook.com/v24.0/w/message_templates?limit=2&after=C%3D%3D\","
                                              + "\"previous\":\"https://graph.facebook.com/v24.0/w/message_templates?before=B\"}}");
            }
            return StubResponse.json(200, "{\"data\":[{\"id\":\"t2\"}],\"paging\":{\"cursors\":{\"before\":\"C\",\"after\":\"D\"},"
                                          + "\"previous\":\"https://graph.facebook.com/v24.0/w/message_templates?before=C\"}}");
        });

        Exchange result = send("kapso:listMessages?autoPaginate=true", null);

        assertThat(result.getException()).isNull();
        assertThat(ids(result.getMessage().getBody(List.class))).containsExactly("t1", "t2");
        assertThat(stub.requests()).extracting(r -> r.query().get("after")).containsExactly(null, "B", "C==");
    }

    // ---------------------------------------------------------------- cursor (Platform)

    @Test
    void platformCursorListFollowsPagingNext() {
        stub.respond(r -> {
            int page = pageOfCursor(r.query().get("after"), "next-");
            ObjectNode body = MAPPER.createObjectNode();
            ArrayNode data = body.putArray("data");
            data.addObject().put("id", "pm" + page);
            ObjectNode paging = body.putObject("paging");
            ObjectNode cursors = paging.putObject("cursors");
            cursors.put("before", "before-" + page);
            if (page < 2) {
                // Kapso says: pass paging.next back as after
                cursors.put("after", "after-" + (page + 1));
                paging.put("next", "next-" + (page + 1));
            } else {
                cursors.putNull("after");
                paging.putNull("next");
            }
            paging.putNull("previous");
            return StubResponse.json(200, body.toString());
        });

        Exchange result = send("kapso:listProjectMessages?autoPaginate=true", null);

        assertThat(result.getException()).isNull();
        assertThat(ids(result.getMessage().getBody(List.class))).containsExactly("pm0", "pm1", "pm2");
        assertThat(result.getMessage().getHeader(KapsoConstants.PAGES_FETCHED)).isEqualTo(3);
        List<RecordedRequest> requests = stub.requests();
        assertThat(requests).extracting(RecordedRequest::rawPath).containsOnly("/platform/v1/whatsapp/messages");
        assertThat(requests).extracting(r -> r.query().get("after")).containsExactly(null, "next-1", "next-2");
        // the component phoneNumberId is not an implicit filter of a Platform list
        assertThat(requests).allSatisfy(r -> assertThat(r.query()).doesNotContainKey("phone_number_id"));
    }

    // ---------------------------------------------------------------- page

    @Test
    void pageListAsksForPageTwoAndThreeWithThePageSize() {
        stub.respond(broadcastPages(5));

        Exchange result = send("kapso:listBroadcasts?autoPaginate=true&pageSize=2", null);

        assertThat(result.getException()).isNull();
        assertThat(ids(result.getMessage().getBody(List.class))).containsExactly("b1", "b2", "b3", "b4", "b5");
        assertThat(result.getMessage().getHeader(KapsoConstants.PAGES_FETCHED)).isEqualTo(3);
        assertThat(result.getMessage().getHeader(KapsoConstants.TOTAL_COUNT)).isEqualTo(5L);
        List<RecordedRequest> requests = stub.requests();
        assertThat(requests).hasSize(3);
        assertThat(requests).extracting(r -> r.query().get("page")).containsExactly(null, "2", "3");
        assertThat(requests).extracting(r -> r.query().get("per_page")).containsOnly("2");
    }

    @Test
    void pageListWithTotalsOnlyInHeadersStillStopsAtTheLastPage() {
        stub.respond(r -> {
            int page = Integer.parseInt(r.query().getOrDefault("page", "1"));
            return StubResponse.json(200, "{\"data\":[{\"id\":\"c" + page + "\"}]}")
                    .withHeader("X-Page", String.valueOf(page))
                    .withHeader("X-Total-Pages", "2")
                    .withHeader("X-Total", "2");
        });

        Exchange result = send("kapso:listCustomers?autoPaginate=true", null);

        assertThat(ids(result.getMessage().getBody(List.class))).containsExactly("c1", "c2");
        assertThat(stub.requests()).hasSize(2);
        assertThat(result.getMessage().getHeader(KapsoConstants.TOTAL_COUNT)).isEqualTo(2L);
    }

    // ---------------------------------------------------------------- offset

    @Test
    void offsetListPagesWithLimitAndOffsetUntilAShortPage() {
        List<String> rows = List.of("r1", "r2", "r3", "r4", "r5");
        stub.respond(r -> {
            int limit = Integer.parseInt(r.query().get("limit"));
            int offset = Integer.parseInt(r.query().getOrDefault("offset", "0"));
            ObjectNode body = MAPPER.createObjectNode();
            ArrayNode data = body.putArray("data");
            rows.subList(Math.min(offset, rows.size()), Math.min(offset + limit, rows.size()))
                    .forEach(id -> data.addObject().put("id", id).put("status", "active"));
            return StubResponse.json(200, body.toString());
        });

        Exchange result = send("kapso:queryRows?table=users&filter.status=eq.active&autoPaginate=true&pageSize=2", null);

        assertThat(result.getException()).isNull();
        assertThat(ids(result.getMessage().getBody(List.class))).containsExactlyElementsOf(rows);
        assertThat(result.getMessage().getHeader(KapsoConstants.PAGES_FETCHED)).isEqualTo(3);
        List<RecordedRequest> requests = stub.requests();
        assertThat(requests).hasSize(3);
        assertThat(requests).extracting(RecordedRequest::rawPath).containsOnly("/platform/v1/db/users");
        assertThat(requests).allSatisfy(r -> assertThat(r.query()).containsEntry("status", "eq.active").containsEntry("limit", "2"));
        assertThat(requests).extracting(r -> r.query().get("offset")).containsExactly(null, "2", "4");
    }

    @Test
    void offsetListWithoutPageSizeUsesADefaultLimit() {
        stub.respond(r -> StubResponse.json(200, "{\"data\":[{\"id\":\"only\"}]}"));

        Exchange result = send("kapso:queryRows?table=users&autoPaginate=true", null);

        assertThat(ids(result.getMessage().getBody(List.class))).containsExactly("only");
        assertThat(stub.requests()).hasSize(1);
        assertThat(stub.lastRequest().query()).containsKey("limit");
    }

    // ---------------------------------------------------------------- guards

    @Test
    void aCursorHandedBackTwiceStopsTheWalkWithAnError() {
        stub.respond(r -> StubResponse.json(200,
                "{\"data\":[{\"id\":\"loop\"}],\"paging\":{\"cursors\":{\"after\":\"same\"}}}"));

        Exchange result = send("kapso:listMessages?autoPaginate=true", null);

        assertThat(result.getException()).isInstanceOf(KapsoPaginationException.class)
                .hasMessageContaining("listMessages");
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void aPageNumberHandedBackTwiceStopsTheWalkWithAnError() {
        stub.respond(r -> StubResponse.json(200,
                "{\"data\":[{\"id\":\"b\"}],\"meta\":{\"page\":1,\"per_page\":1,\"total_pages\":9,\"total_count\":9}}"));

        Exchange result = send("kapso:listBroadcasts?autoPaginate=true", null);

        assertThat(result.getException()).isInstanceOf(KapsoPaginationException.class);
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void maxPagesTruncatesAndLeavesTheCursorToContinueFrom() {
        stub.respond(kapsoStoredPages(5, 2));

        Exchange first = send("kapso:listMessages?autoPaginate=true&maxPages=2", null);

        assertThat(first.getException()).isNull();
        assertThat(ids(first.getMessage().getBody(List.class))).containsExactly("m0-0", "m0-1", "m1-0", "m1-1");
        assertThat(stub.requests()).hasSize(2);
        assertThat(first.getMessage().getHeader(KapsoConstants.PAGES_FETCHED)).isEqualTo(2);
        String cursor = first.getMessage().getHeader(KapsoConstants.NEXT_CURSOR, String.class);
        assertThat(cursor).isEqualTo("c2");

        // the caller continues where the walk stopped
        stub.reset();
        Exchange second = send("kapso:listMessages?autoPaginate=true&maxPages=2", null, Map.of("CamelKapsoAfter", cursor));
        assertThat(ids(second.getMessage().getBody(List.class))).containsExactly("m2-0", "m2-1", "m3-0", "m3-1");
        assertThat(second.getMessage().getHeader(KapsoConstants.NEXT_CURSOR)).isEqualTo("c4");

        stub.reset();
        Exchange third = send("kapso:listMessages?autoPaginate=true&maxPages=2", null, Map.of("CamelKapsoAfter", "c4"));
        assertThat(ids(third.getMessage().getBody(List.class))).containsExactly("m4-0", "m4-1");
        assertThat(stub.requests()).hasSize(1);
        assertThat(third.getMessage().getHeader(KapsoConstants.NEXT_CURSOR)).isNull();
    }

    // ---------------------------------------------------------------- splitResult

    @Test
    void splitResultGivesOneExchangePerItemWithItsIndex() throws Exception {
        stub.respond(broadcastPages(5));
        MockEndpoint items = context.getEndpoint("mock:item", MockEndpoint.class);
        items.expectedMessageCount(5);

        Exchange result = template.send("direct:splitAll", ex -> ex.getMessage().setBody(null));

        assertThat(result.getException()).isNull();
        items.assertIsSatisfied();
        List<Exchange> received = items.getReceivedExchanges();
        for (int i = 0; i < received.size(); i++) {
            Message m = received.get(i).getMessage();
            assertThat(m.getHeader(KapsoConstants.ITEM_INDEX)).isEqualTo(i);
            assertThat(m.getHeader(KapsoConstants.ITEM_COUNT)).isEqualTo(5);
            assertThat(m.getBody(Map.class)).containsEntry("id", "b" + (i + 1));
        }
        assertThat(stub.requests()).hasSize(3);
    }

    @Test
    void splitResultWithoutAutoPaginateSplitsTheOnePage() throws Exception {
        stub.respond(graphPages(3, 2));
        MockEndpoint items = context.getEndpoint("mock:pageItem", MockEndpoint.class);
        items.expectedMessageCount(2);

        template.send("direct:splitOnePage", ex -> ex.getMessage().setBody(null));

        items.assertIsSatisfied();
        assertThat(items.getReceivedExchanges()).extracting(e -> e.getMessage().getHeader(KapsoConstants.ITEM_INDEX))
                .containsExactly(0, 1);
        assertThat(items.getReceivedExchanges()).extracting(e -> e.getMessage().getBody(Map.class).get("id"))
                .containsExactly("m0-0", "m0-1");
        assertThat(items.getReceivedExchanges()).allSatisfy(
                e -> assertThat(e.getMessage().getHeader(KapsoConstants.NEXT_CURSOR)).isEqualTo("c1"));
    }

    @Test
    void splitResultGivesMessagesWhenCalledDirectly() {
        stub.respond(broadcastPages(3));

        Exchange result = send("kapso:listBroadcasts?autoPaginate=true&splitResult=true", null);

        List<?> body = result.getMessage().getBody(List.class);
        assertThat(body).hasSize(3).allSatisfy(m -> assertThat(m).isInstanceOf(Message.class));
        assertThat(((Message) body.get(2)).getHeader(KapsoConstants.ITEM_INDEX)).isEqualTo(2);
    }

    @Test
    void splitResultAlsoSplitsAnUnpaginatedList() {
        stub.respond(r -> StubResponse.json(200, "{\"data\":[{\"id\":\"w1\"},{\"id\":\"w2\"}]}"));

        Exchange result = send("kapso:listWorkflows?splitResult=true", null);

        List<?> body = result.getMessage().getBody(List.class);
        assertThat(body).hasSize(2).allSatisfy(m -> assertThat(m).isInstanceOf(Message.class));
        assertThat(((Message) body.get(1)).getBody(Map.class)).containsEntry("id", "w2");
        assertThat(result.getMessage().getHeader(KapsoConstants.ITEM_COUNT)).isEqualTo(2);
    }

    // ---------------------------------------------------------------- single page

    @Test
    void withoutAutoPaginateOneGraphPageComesBackWholeWithItsCursor() {
        stub.respond(graphPages(3, 2));

        Exchange result = send("kapso:listMessages", null);

        assertThat(stub.requests()).hasSize(1);
        Map<String, Object> body = bodyMap(result);
        assertThat(body).containsKeys("data", "paging");
        assertThat((List<?>) body.get("data")).hasSize(2);
        assertThat(result.getMessage().getHeader(KapsoConstants.NEXT_CURSOR)).isEqualTo("c1");
        assertThat(result.getMessage().getHeader(KapsoConstants.ITEM_COUNT)).isEqualTo(2);
        assertThat(result.getMessage().getHeader(KapsoConstants.PAGES_FETCHED)).isNull();
    }

    @Test
    void withoutAutoPaginateTheLastGraphPageHasNoNextCursor() {
        stub.respond(graphPages(3, 2));

        Exchange result = send("kapso:listMessages", null, Map.of("CamelKapsoAfter", "c2"));

        assertThat(ids((List<?>) result.getMessage().getBody(Map.class).get("data"))).containsExactly("m2-0", "m2-1");
        assertThat(result.getMessage().getHeader(KapsoConstants.NEXT_CURSOR)).isNull();
        assertThat(result.getMessage().getHeader(KapsoConstants.PREVIOUS_CURSOR)).isEqualTo("b2");
    }

    @Test
    void withoutAutoPaginatePlatformCursorPageGivesPagingNextAsTheCursor() {
        stub.respond(r -> StubResponse.json(200,
                "{\"data\":[{\"id\":\"x\"}],\"paging\":{\"cursors\":{\"before\":null,\"after\":\"n1\"},\"next\":\"n1\",\"previous\":null}}"));

        Exchange result = send("kapso:listProjectMessages", null);

        assertThat(bodyMap(result)).containsKeys("data", "paging");
        assertThat(result.getMessage().getHeader(KapsoConstants.NEXT_CURSOR)).isEqualTo("n1");
    }

    @Test
    void withoutAutoPaginatePageListGivesTotalsFromMeta() {
        stub.respond(r -> StubResponse.json(200,
                "{\"data\":[{\"id\":\"b1\"},{\"id\":\"b2\"}],\"meta\":{\"page\":1,\"per_page\":2,\"total_pages\":4,\"total_count\":7}}"));

        Exchange result = send("kapso:listBroadcasts", null);

        Map<String, Object> body = bodyMap(result);
        assertThat(body).containsKeys("data", "meta");
        assertThat(result.getMessage().getHeader(KapsoConstants.TOTAL_COUNT)).isEqualTo(7L);
        assertThat(result.getMessage().getHeader(KapsoConstants.TOTAL_PAGES)).isEqualTo(4);
        assertThat(result.getMessage().getHeader(KapsoConstants.PAGE)).isEqualTo(1);
        assertThat(result.getMessage().getHeader(KapsoConstants.ITEM_COUNT)).isEqualTo(2);
        assertThat(result.getMessage().getHeader(KapsoConstants.NEXT_CURSOR)).isNull();
    }

    @Test
    void withoutAutoPaginatePageListGivesTotalsFromXTotalHeaders() {
        stub.respond(r -> StubResponse.json(200, "{\"data\":[{\"id\":\"b1\"}]}")
                .withHeader("X-Total", "41").withHeader("X-Total-Pages", "41").withHeader("X-Page", "3"));

        Exchange result = send("kapso:listBroadcasts", null, Map.of("CamelKapsoPage", 3));

        assertThat(stub.lastRequest().query()).containsEntry("page", "3");
        assertThat(result.getMessage().getHeader(KapsoConstants.TOTAL_COUNT)).isEqualTo(41L);
        assertThat(result.getMessage().getHeader(KapsoConstants.TOTAL_PAGES)).isEqualTo(41);
        assertThat(result.getMessage().getHeader(KapsoConstants.PAGE)).isEqualTo(3);
    }

    @Test
    void headersOfAnEarlierPageDoNotSurviveOnTheNextAnswer() {
        stub.respond(graphPages(2, 1));

        Exchange result = template.send("kapso:listMessages", ex -> ex.getMessage().setHeader(KapsoConstants.TOTAL_COUNT, 99L));
        assertThat(result.getMessage().getHeader(KapsoConstants.NEXT_CURSOR)).isEqualTo("c1");
        assertThat(result.getMessage().getHeader(KapsoConstants.TOTAL_COUNT)).isNull();

        // the same exchange goes on to ask for the last page
        result.getMessage().setHeader("CamelKapsoAfter", "c1");
        Exchange last = template.send("kapso:listMessages", result);
        assertThat(last.getMessage().getHeader(KapsoConstants.NEXT_CURSOR)).isNull();
    }

    // ---------------------------------------------------------------- stub pages

    /**
     * Graph passthrough lists: every page carries cursors.before/after; all but the last carry a paging.next URL, the
     * pages after the first a paging.previous URL.
     */
    private static Function<RecordedRequest, StubResponse> graphPages(int pages, int perPage) {
        return r -> {
            int page = pageOfCursor(r.query().get("after"), "c");
            ObjectNode body = MAPPER.createObjectNode();
            ArrayNode data = body.putArray("data");
            for (int j = 0; j < perPage; j++) {
                data.addObject().put("id", "m" + page + "-" + j);
            }
            ObjectNode paging = body.putObject("paging");
            paging.putObject("cursors").put("before", "b" + page).put("after", "c" + (page + 1));
            if (page < pages - 1) {
                paging.put("next", "https://graph.facebook.com/v24.0/" + PN + "/messages?limit=" + perPage + "&after=c" + (page + 1));
            }
            if (page > 0) {
                paging.put("previous", "https://graph.facebook.com/v24.0/" + PN + "/messages?limit=" + perPage + "&before=b" + page);
            }
            return StubResponse.json(200, body.toString());
        };
    }

    /** Kapso-stored lists: only paging.cursors.after, absent on the last page. */
    private static Function<RecordedRequest, StubResponse> kapsoStoredPages(int pages, int perPage) {
        return r -> {
            int page = pageOfCursor(r.query().get("after"), "c");
            ObjectNode body = MAPPER.createObjectNode();
            ArrayNode data = body.putArray("data");
            for (int j = 0; j < perPage; j++) {
                data.addObject().put("id", "m" + page + "-" + j);
            }
            ObjectNode cursors = body.putObject("paging").putObject("cursors");
            if (page < pages - 1) {
                cursors.put("after", "c" + (page + 1));
            }
            return StubResponse.json(200, body.toString());
        };
    }

    /** Platform page lists of {@code total} broadcasts b1..bN, per_page from the request (default 20). */
    private static Function<RecordedRequest, StubResponse> broadcastPages(int total) {
        return r -> {
            int page = Integer.parseInt(r.query().getOrDefault("page", "1"));
            int perPage = Integer.parseInt(r.query().getOrDefault("per_page", "20"));
            int totalPages = Math.max(1, (total + perPage - 1) / perPage);
            ObjectNode body = MAPPER.createObjectNode();
            ArrayNode data = body.putArray("data");
            for (int i = (page - 1) * perPage + 1; i <= Math.min(total, page * perPage); i++) {
                data.addObject().put("id", "b" + i).put("status", "draft");
            }
            body.putObject("meta").put("page", page).put("per_page", perPage).put("total_pages", totalPages)
                    .put("total_count", total);
            return StubResponse.json(200, body.toString());
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> bodyMap(Exchange exchange) {
        return exchange.getMessage().getBody(Map.class);
    }

    private static int pageOfCursor(String cursor, String prefix) {
        return cursor == null ? 0 : Integer.parseInt(cursor.substring(prefix.length()));
    }

    private static List<String> ids(List<?> items) {
        List<String> ids = new ArrayList<>();
        for (Object item : items) {
            ids.add(String.valueOf(((Map<?, ?>) item).get("id")));
        }
        return ids;
    }
}
