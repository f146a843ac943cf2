package cn.minqing.people;

/** 代办开户: a cadre opened this villager's account; published inside the opening's transaction. */
public record AccountOpenedForVillager(String username) {
}
