package cn.minqing.intake;

import cn.minqing.county.Regions;
import cn.minqing.people.CurrentUser;
import cn.minqing.platform.web.ApiException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The open cases of a village, most supported first: what to show before someone files, so that they can
 * add "me too" (附议) instead. Only within what the caller may see: a villager their own village, a cadre or
 * leader their region (a county bureau only its categories and the cases handed to it), an admin anywhere.
 */
@Service
public class OpenCases {

    private final JdbcClient jdbc;
    private final Regions regions;

    OpenCases(JdbcClient jdbc, Regions regions) {
        this.jdbc = jdbc;
        this.regions = regions;
    }

    @Transactional(readOnly = true)
    public List<SimilarCase> in(String villageCode, String category, int limit, CurrentUser user) {
        if (!user.mayLookAt(villageCode, regions.pathOf(villageCode))) {
            throw ApiException.forbidden("case.similar.outOfScope");
        }
        List<String> responsibilities = user.categoryLimit();
        return jdbc.sql("""
                select number, title, category_code as category, village_code, status, supporters, created_at
                  from minqing.case_record
                 where village_code = ? and (cast(? as varchar) is null or category_code = ?)
                   and status not in ('solved', 'unsolvable', 'rejected', 'merged', 'answered')
                   and (? or category_code = any(?) or handling_org = ?)
                 order by supporters desc, created_at desc limit ?
                """).params(villageCode, category, category, responsibilities.isEmpty(),
                        responsibilities.toArray(String[]::new), user.organisationCode(), limit)
                .query(SimilarCase.class).list();
    }
}
