# syntax=docker/dockerfile:1
# One image per Jobstream service, built from the repository root, which holds the modules a service needs:
#   docker build --build-arg SERVICE=gateway --build-arg PORT=3000 -t jobstream-gateway .
#   docker build --build-arg SERVICE=processor --build-arg PORT=3002 -t jobstream-processor .
#   docker build --build-arg SERVICE=projector --build-arg PORT=3001 -t jobstream-projector .
ARG SERVICE=gateway

FROM eclipse-temurin:17-jdk AS build
ARG SERVICE
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY contract/ contract/
COPY embedded/ embedded/
COPY test-support/ test-support/
# The reactor lists every module; the ones this image does not build only need their poms.
COPY gateway/pom.xml gateway/pom.xml
COPY processor/pom.xml processor/pom.xml
COPY projector/pom.xml projector/pom.xml
COPY launcher/pom.xml launcher/pom.xml
COPY benchmark/pom.xml benchmark/pom.xml
COPY ${SERVICE}/ ${SERVICE}/
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -DskipTests -pl ${SERVICE} -am package \
    && cp ${SERVICE}/target/jobstream-${SERVICE}-0.1.0-SNAPSHOT-exec.jar /src/app.jar

FROM eclipse-temurin:17-jre
ARG PORT=3000
ENV SERVICE_PORT=${PORT}
# curl serves the health check; installed explicitly rather than relying on the base image to carry it.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system jobstream \
    && useradd --system --gid jobstream --home-dir /app --no-create-home jobstream
WORKDIR /app
COPY --from=build --chown=jobstream:jobstream /src/app.jar app.jar
USER jobstream
EXPOSE ${PORT}
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 \
    CMD curl -fsS "http://localhost:${SERVICE_PORT}/actuator/health" || exit 1
# Options on the command line, not JAVA_TOOL_OPTIONS, whose notice on stderr would break the JSON log lines.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/app.jar"]
