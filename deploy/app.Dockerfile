FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY target/minqing.jar /app/minqing.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/minqing.jar"]
