package cn.minqing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Minqing 民情: villagers' reports become cases, processes and search hits. */
@SpringBootApplication
@EnableScheduling
@EnableAsync
public class MinqingApplication {

    public static void main(String[] args) {
        SpringApplication.run(MinqingApplication.class, args);
    }
}
