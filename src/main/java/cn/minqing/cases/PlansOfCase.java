package cn.minqing.cases;

import cn.minqing.people.CurrentUser;
import java.util.List;

/** The work plans a case is linked to that the viewer may see (a villager: only public ones); given by cn.minqing.plans. */
public interface PlansOfCase {

    List<CasePlan> of(String caseNumber, CurrentUser viewer);
}
