package dev.steward.adapter.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesEveryCharacterThatCouldOpenMarkupOrLeaveAnAttribute() {
        assertThat(Html.escape("<a href=\"x\" title='y'>&</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
    }

    @Test
    void escapesArgumentsButNotTheTemplateOrNestedHtml() {
        Html nested = Html.of("<em>%s</em>", "<i>");

        Html page = Html.of("<p title=\"%s\">%s %s %s</p>", "\"onmouseover=", "<b>", nested, 42);

        assertThat(page.html()).isEqualTo(
                "<p title=\"&quot;onmouseover=\">&lt;b&gt; <em>&lt;i&gt;</em> 42</p>");
    }

    @Test
    void keepsPercentSignsInArgumentsLiteral() {
        assertThat(Html.of("<p>%s</p>", "100%s %d").html()).isEqualTo("<p>100%s %d</p>");
    }

    @Test
    void rendersEachItemInOrderAndNothingForNull() {
        assertThat(Html.each(List.of("a", "<b>"), s -> Html.of("<li>%s</li>", s)).html())
                .isEqualTo("<li>a</li><li>&lt;b&gt;</li>");
        assertThat(Html.escape(null)).isEmpty();
    }
}
