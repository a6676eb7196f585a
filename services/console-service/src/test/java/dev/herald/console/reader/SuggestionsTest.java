package dev.herald.console.reader;

import dev.herald.console.PageTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class SuggestionsTest extends PageTest {

    @Test
    void theSearchBoxAsksForSuggestionsAsOneTypesAndOffersThemInADatalist() throws Exception {
        String page = mvc.perform(get("/")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("list=\"suggestions\"", "hx-get=\"/search/suggest\"", "hx-trigger=\"input changed delay:200ms\"",
                "hx-target=\"#suggestions\"", "<datalist id=\"suggestions\">", "aria-describedby=\"q-hint\"", "拼音");
    }

    @Test
    void pinyinTypedIsRelayedToSearchsSuggesterAndItsCompletionsBecomeOptions() throws Exception {
        SERVICES.json("GET", "/api/search/suggest", 200, """
                [{"text":"南宁市中医医院党委","kind":"unit","articleId":null},
                 {"text":"如意先锋战疫情 \\"党旗\\"一线红","kind":"title","articleId":"rpt-1"}]""");

        String options = mvc.perform(get("/search/suggest").param("q", " nanning ").header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(options).contains("<option value=\"南宁市中医医院党委\" label=\"单位\"></option>",
                "<option value=\"如意先锋战疫情 &quot;党旗&quot;一线红\" label=\"标题\"></option>").doesNotContain("<html", "<datalist");
        assertThat(SERVICES.last("GET", "/api/search/suggest").query()).isEqualTo("prefix=nanning&size=8");
    }

    @Test
    void aSuggestionSearchRefusesIsNoSuggestionRatherThanAnError() throws Exception {
        SERVICES.problem("GET", "/api/search/suggest", 400, "prefix must be 1 to 20 characters");

        String options = mvc.perform(get("/search/suggest").param("q", "zy")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(options).doesNotContain("<option", "prefix");
    }

    @Test
    void nothingTypedAsksSearchNothing() throws Exception {
        mvc.perform(get("/search/suggest").param("q", "  ")).andExpect(status().isOk());

        assertThat(SERVICES.received()).isEmpty();
    }
}
