FROM eclipse-temurin:17-jre
# curl for the health check; a plain user `minqing` (uid 10001) owns the data directory and runs the app
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 minqing \
    && useradd --system --uid 10001 --gid minqing --home-dir /var/lib/minqing --shell /usr/sbin/nologin minqing \
    && mkdir -p /var/lib/minqing && chown minqing:minqing /var/lib/minqing
WORKDIR /app
COPY target/minqing.jar /app/minqing.jar
# attachments live here (docker-compose mounts the named volume `attachments` on it; a new volume takes
# the directory's owner from the image)
ENV MINQING_DATA_DIR=/var/lib/minqing
VOLUME /var/lib/minqing
USER 10001:10001
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/minqing.jar"]
