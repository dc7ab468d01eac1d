package smos.console;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

import java.util.Map;

/**
 * Renders the console's jte templates (src/main/jte, compiled to Java at build time by jte-maven-plugin:
 * a broken template fails the build, and serving needs no compiler). Called straight from the routes:
 * Javalin's rendering plugin exists for Javalin 6 only, and one call is all it would add.
 */
final class Pages {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    private Pages() {
    }

    static void render(Context ctx, int status, String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        ENGINE.render(template, params, out);
        ctx.status(status).contentType("text/html; charset=utf-8")
                .header("Cache-Control", "no-store") // pages show live state and carry a CSRF token
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; form-action 'self'")
                .result(out.toString());
    }
}
