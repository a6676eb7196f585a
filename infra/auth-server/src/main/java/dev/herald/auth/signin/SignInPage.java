package dev.herald.auth.signin;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The page people sign in on, in Chinese, small enough to need no template engine: the issuer is dev
 * only, a deployment signs people in at its own identity provider.
 */
@Controller
class SignInPage {

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
    @ResponseBody
    String page(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        boolean failed = request.getParameter("error") != null;
        boolean signedOut = request.getParameter("logout") != null;
        return """
                <!DOCTYPE html>
                <html lang="zh-CN"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>登录 · Herald</title>
                <style>
                body{font-family:system-ui,"PingFang SC","Noto Sans CJK SC",sans-serif;background:#f4f5f7;margin:0}
                main{max-width:22rem;margin:10vh auto;background:#fff;padding:1.5rem 2rem;border-radius:8px;box-shadow:0 1px 4px #0002}
                label{display:block;margin:.8rem 0 .3rem}input{width:100%%;box-sizing:border-box;padding:.5rem;font-size:1rem}
                button{margin-top:1.2rem;width:100%%;padding:.6rem;font-size:1rem;background:#b71c1c;color:#fff;border:0;border-radius:4px}
                .error{color:#b71c1c}
                </style></head>
                <body><main>
                <h1>登录 Herald</h1>
                %s
                <form method="post" action="/login">
                <label for="username">账号</label><input id="username" name="username" autocomplete="username" required autofocus>
                <label for="password">密码</label><input id="password" name="password" type="password" autocomplete="current-password" required>
                <input type="hidden" name="%s" value="%s">
                <button type="submit">登录</button>
                </form>
                <p><small>本地账号见 data/accounts.json：账号为 clientId，密码为 password（未设置时为 secret）。</small></p>
                </main></body></html>
                """.formatted(failed ? "<p class=\"error\" role=\"alert\">账号或密码不正确。</p>"
                        : signedOut ? "<p role=\"status\">已退出登录。</p>" : "",
                HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken()));
    }
}
