package dev.steward.adapter.web.dashboard;

import dev.steward.adapter.web.api.MspJson;
import dev.steward.adapter.web.dashboard.Layout.Section;
import java.util.Optional;

/** The MSP settings page: the default mode inheriting clients follow, and the MSP prompt. */
final class SettingsPage {

    private SettingsPage() {
    }

    static Html render(MspJson msp, FormErrors modeErrors, FormErrors promptErrors) {
        Optional<String> promptError = promptErrors.on("prompt");
        Html body = Html.of("""
                <h1>MSP settings</h1>
                <p>%s</p>
                <section class="card" aria-labelledby="default-mode-h">
                <h2 id="default-mode-h">Default operating mode</h2>
                <form method="post" action="/settings/default-mode">
                %s<input type="hidden" name="version" value="%s">
                <fieldset>
                <legend>Clients in mode Inherit follow this mode</legend>
                %s%s</fieldset>
                <button type="submit">Save default mode</button>
                </form>
                </section>
                <section class="card" aria-labelledby="msp-prompt-h">
                <h2 id="msp-prompt-h">MSP prompt</h2>
                <form method="post" action="/settings/prompt">
                %s<input type="hidden" name="version" value="%s">
                <div class="field">
                <label for="prompt">Instructions for all of this MSP's agents</label>
                <textarea id="prompt" name="prompt" rows="12" maxlength="20000"%s>
                %s</textarea>
                %s</div>
                <button type="submit">Save MSP prompt</button>
                </form>
                </section>
                <p><a href="/settings/tokens">API tokens</a> for programs that call Steward's REST API</p>
                """, msp.name(), modeErrors.alert(), msp.version(),
                radio("plan", "Plan: diagnose and note the plan, never act", msp.defaultMode()),
                radio("execute", "Execute: act under each tool's policy", msp.defaultMode()),
                promptErrors.alert("prompt"), msp.version(),
                new Html(promptError.isPresent() ? " aria-invalid=\"true\" aria-describedby=\"prompt-error\"" : ""),
                msp.prompt(),
                promptError.map(e -> Html.of("<p class=\"field-error\" id=\"prompt-error\">%s</p>\n", e))
                        .orElse(Html.EMPTY));
        return Layout.page("MSP settings", Section.SETTINGS, Optional.empty(), body);
    }

    private static Html radio(String value, String label, String current) {
        return Html.of("<label class=\"choice\"><input type=\"radio\" name=\"defaultMode\" value=\"%s\"%s> %s</label>\n",
                value, new Html(value.equals(current) ? " checked" : ""), label);
    }
}
