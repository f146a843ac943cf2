package cn.minqing.channels;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which WeChat user (openid of the official account) is which person. */
@Repository
class WechatBindings {

    private final JdbcClient jdbc;

    WechatBindings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> openIdOf(String username) {
        return jdbc.sql("select openid from minqing.wechat_binding where username = ?").param(username)
                .query(String.class).optional();
    }

    Optional<String> usernameOf(String openId) {
        return jdbc.sql("select username from minqing.wechat_binding where openid = ?").param(openId)
                .query(String.class).optional();
    }

    /** Binds the WeChat user to the account; a person has one WeChat, a WeChat one person (the last bind wins). */
    void bind(String openId, String username, java.time.OffsetDateTime at) {
        jdbc.sql("delete from minqing.wechat_binding where openid = ? or username = ?").params(openId, username).update();
        jdbc.sql("insert into minqing.wechat_binding (openid, username, bound_at) values (?, ?, ?)")
                .params(openId, username, at).update();
    }
}
