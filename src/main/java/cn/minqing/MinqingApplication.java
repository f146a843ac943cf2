package cn.minqing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Minqing 民情: villagers' reports become cases, processes and search hits. */
@SpringBootApplication
@EnableScheduling
public class MinqingApplication {

    public static void main(String[] args) {
        SpringApplication.run(MinqingApplication.class, args);
    }
}
