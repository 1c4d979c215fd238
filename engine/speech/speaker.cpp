#include "engine/speech/speaker.hpp"

#include "engine/core/errors.hpp"

#include <espeak-ng/speak_lib.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>

namespace bran {

namespace {

// Where the synthesis callback puts samples, and the flag that aborts the utterance. Passed to
// espeak_Synth as user data, so each call carries its own; playback passes none.
struct Sink {
    std::vector<short>* samples = nullptr;
    const std::atomic<bool>* abort = nullptr;
    // Silent speech keeps a sound device's time when this is set (samples a second): the words
    // take as long as they would to hear, so the window behaves as it does with a loudspeaker.
    int paced_rate = 0;
    std::chrono::steady_clock::time_point started{};
    long long produced = 0;
};

// Called by espeak-ng for each buffer it makes (synchronous mode) and, in playback mode, for
// events as they are heard. Returning 1 stops the synthesis at once.
int on_synthesis(short* wav, int count, espeak_EVENT* events) {
    Sink* sink = events ? static_cast<Sink*>(events->user_data) : nullptr;
    if (!sink) return 0;
    if (sink->abort && sink->abort->load()) return 1;
    if (wav && count > 0 && sink->samples) sink->samples->insert(sink->samples->end(), wav, wav + count);
    if (sink->paced_rate > 0 && count > 0) {
        sink->produced += count;
        const auto heard_by = sink->started + std::chrono::microseconds(sink->produced * 1000000 / sink->paced_rate);
        // Short sleeps, so that stop() or a new say() still ends the words within a few milliseconds.
        for (auto now = std::chrono::steady_clock::now(); now < heard_by; now = std::chrono::steady_clock::now()) {
            if (sink->abort && sink->abort->load()) return 1;
            std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(heard_by - now, std::chrono::milliseconds(10)));
        }
    }
    return 0;
}

// espeak-ng is one engine per process with one output mode at a time; every use goes through
// here, under its mutex. Switching mode restarts it, which espeak-ng 1.51 survives only one way:
// from synchronous (never yet played) to playback, and from playback to synchronous. Terminating
// a synchronous engine that once played hangs in espeak_Terminate, so after a test has
// synthesized in a process that played, that process's speakers fall back to silent synthesis.
class Espeak {
public:
    static Espeak& instance() {
        static Espeak engine;
        return engine;
    }

    std::mutex mutex;

    // With the mutex held: the engine in this mode, initialising or switching it if need be.
    bool use(espeak_AUDIO_OUTPUT mode) {
        if (m_mode == static_cast<int>(mode)) return true;
        if (mode == AUDIO_OUTPUT_PLAYBACK && m_played) return false;
        if (m_mode >= 0) espeak_Terminate();
        m_mode = -1;
        ++m_generation;
        // DONT_EXIT: without it a missing espeak-ng-data folder ends the whole program.
        const int rate = espeak_Initialize(mode, 0, nullptr, espeakINITIALIZE_DONT_EXIT);
        if (rate <= 0) {
            report_once("init", "bran: read aloud is not available: espeak-ng could not load its data (install espeak-ng-data)");
            return false;
        }
        m_mode = static_cast<int>(mode);
        m_played = m_played || mode == AUDIO_OUTPUT_PLAYBACK;
        m_sample_rate = rate;
        espeak_SetSynthCallback(&on_synthesis);
        return true;
    }
    bool in_mode(espeak_AUDIO_OUTPUT mode) const { return m_mode == static_cast<int>(mode); }
    int sample_rate() const { return m_sample_rate; }
    // Changes each time the engine restarts, which ends anything it was playing.
    unsigned generation() const { return m_generation; }

    // With the mutex held and the engine idle: the voice for a bran locale, falling back to
    // British English (reported once per locale) when espeak-ng has none for it.
    void set_voice(const std::string& locale) {
        const std::string wanted = voice_language(locale);
        std::string language = wanted;
        if (!has_voice(language)) {
            language = "en-gb";
            report_once("voice:" + wanted, "bran: espeak-ng has no voice for " + locale + " (" + wanted +
                                               "); reading aloud in English (en-gb) instead");
        }
        espeak_VOICE spec;
        std::memset(&spec, 0, sizeof spec);
        spec.languages = language.c_str();
        // By language, not by name: in espeak-ng 1.51 SetVoiceByName("en-gb") finds nothing.
        if (espeak_SetVoiceByProperties(&spec) != EE_OK) {
            report_once("voice:en-gb", "bran: espeak-ng has no en-gb voice; reading aloud in its default voice");
        }
    }

private:
    Espeak() = default;

    // "en-GB" -> "en-gb", "cy" or "cy-GB" -> "cy": espeak-ng's language codes.
    static std::string voice_language(const std::string& locale) {
        std::string tag = locale;
        std::replace(tag.begin(), tag.end(), '_', '-');
        std::transform(tag.begin(), tag.end(), tag.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        const std::string language = tag.substr(0, tag.find('-'));
        if (language == "en" || language.empty()) return "en-gb";
        if (language == "cy") return "cy";
        return tag;
    }

    // espeak_ListVoices reads every voice file on each call, so it is read once per process: the
    // worker must not touch the disk on every change of language, where a busy disk would hold up
    // stop() for as long as it keeps the files.
    bool has_voice(const std::string& language) {
        if (!m_voices_listed) {
            const espeak_VOICE** voices = espeak_ListVoices(nullptr);
            for (std::size_t i = 0; voices && voices[i]; ++i) {
                // languages: a priority byte, then a NUL-terminated code, repeated; ends with a 0 byte.
                for (const char* p = voices[i]->languages; p && *p; p += std::strlen(p) + 1) {
                    ++p;
                    m_voice_languages.insert(p);
                }
            }
            m_voices_listed = true;
        }
        return m_voice_languages.count(language) > 0;
    }

    void report_once(const std::string& key, const std::string& message) {
        if (m_reported.insert(key).second) std::cerr << message << '\n';
    }

    int m_mode = -1;
    bool m_played = false;  // the engine has run in playback mode in this process
    int m_sample_rate = 0;
    unsigned m_generation = 0;
    bool m_voices_listed = false;
    std::set<std::string> m_voice_languages;
    std::set<std::string> m_reported;
};

int synth(const std::string& text, unsigned int* id, Sink* sink) {
    return espeak_Synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, id, sink);
}

Speaker::Output resolve(Speaker::Output output) {
    if (output != Speaker::Output::automatic) return output;
    return Speaker::sound_device_present() ? Speaker::Output::playback : Speaker::Output::silent;
}

}  // namespace

Speaker::Speaker(std::function<void()> on_finished, Output output)
    : m_on_finished(std::move(on_finished)), m_output(resolve(output)), m_worker(&Speaker::run, this) {}

Speaker::~Speaker() {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_quit = true;
        m_abort = true;
    }
    m_wake.notify_all();
    m_worker.join();
}

void Speaker::say(std::string text, std::string locale) {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_pending = Request{false, std::move(text), std::move(locale)};
        m_abort = true;
    }
    m_wake.notify_all();
}

void Speaker::stop() {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_pending = Request{true, {}, {}};
        m_abort = true;
    }
    m_wake.notify_all();
}

bool Speaker::speaking() const {
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_active || (m_pending && !m_pending->stop);
}

void Speaker::run() {
    // Synthesis is heavy work on a machine whose other core may be busy too (and under Xvfb the
    // window's drawing is CPU work as well): the words yield to the window, never the reverse.
    // Threads espeak-ng starts from here inherit this. Linux applies a thread id's nice value to
    // that thread alone.
    setpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)), speech_thread_niceness);
    std::unique_lock<std::mutex> lock(m_mutex);
    bool heard = false;  // an utterance began that on_finished has not yet reported over
    for (;;) {
        m_wake.wait(lock, [this] { return m_quit || m_pending; });
        if (m_quit) break;
        const Request request = std::move(*m_pending);
        m_pending.reset();
        m_abort = false;
        // Stopping playback takes a moment (espeak_Cancel drops the sound already queued):
        // speaking() stays true until it is silent.
        m_active = !request.stop || (heard && m_output == Output::playback);
        heard = heard || !request.stop;
        if (m_output == Output::playback) {
            speak_aloud(request, lock);
        } else if (!request.stop) {
            lock.unlock();
            speak_silently(request);
            lock.lock();
        }
        if (m_quit) break;
        if (!m_pending) {
            m_active = false;
            const bool report = heard && m_on_finished;
            heard = false;
            if (report) {
                lock.unlock();
                m_on_finished();
                lock.lock();
            }
        }
    }
    m_active = false;
    lock.unlock();
    if (m_output == Output::playback) {
        Espeak& engine = Espeak::instance();
        std::lock_guard<std::mutex> guard(engine.mutex);
        if (engine.in_mode(AUDIO_OUTPUT_PLAYBACK)) espeak_Cancel();
    }
}

// No sound device: the words are synthesized at the pace of speech and dropped, so the window
// behaves the same ("Stop reading" shows while they would be heard; a test can watch say, stop
// and speaking) without a device to fail on.
void Speaker::speak_silently(const Request& request) {
    Espeak& engine = Espeak::instance();
    std::lock_guard<std::mutex> guard(engine.mutex);
    if (m_abort || !engine.use(AUDIO_OUTPUT_SYNCHRONOUS)) return;
    engine.set_voice(request.locale);
    Sink sink;
    sink.abort = &m_abort;
    sink.paced_rate = engine.sample_rate();
    sink.started = std::chrono::steady_clock::now();
    synth(request.text, nullptr, &sink);
}

// espeak-ng plays on its own threads; this one starts the words, then watches until they have
// been heard or a newer request arrives (which cancels them on the next turn of run()).
void Speaker::speak_aloud(const Request& request, std::unique_lock<std::mutex>& lock) {
    Espeak& engine = Espeak::instance();
    unsigned generation = 0;
    bool silently = false;
    lock.unlock();
    {
        std::lock_guard<std::mutex> guard(engine.mutex);
        if (request.stop) {
            if (engine.in_mode(AUDIO_OUTPUT_PLAYBACK)) espeak_Cancel();
        } else if (engine.use(AUDIO_OUTPUT_PLAYBACK)) {
            espeak_Cancel();
            engine.set_voice(request.locale);
            unsigned int id = 0;
            if (synth(request.text, &id, nullptr) == EE_OK) generation = engine.generation();
        } else {
            silently = true;  // playback cannot be had (again) in this process: see Espeak
        }
    }
    if (silently) speak_silently(request);
    lock.lock();
    if (request.stop || generation == 0) return;
    // Playing, until espeak-ng has been idle for two checks in a row (one could fall between
    // taking the text and starting to play it).
    int idle_checks = 0;
    while (!m_quit && !m_pending && idle_checks < 2) {
        m_wake.wait_for(lock, std::chrono::milliseconds(50), [this] { return m_quit || m_pending.has_value(); });
        if (m_quit || m_pending) break;
        lock.unlock();
        bool playing = false;
        {
            std::lock_guard<std::mutex> guard(engine.mutex);
            playing = engine.generation() == generation && engine.in_mode(AUDIO_OUTPUT_PLAYBACK) && espeak_IsPlaying();
        }
        lock.lock();
        idle_checks = playing ? 0 : idle_checks + 1;
    }
}

bool Speaker::sound_device_present() {
    if (const char* forced = std::getenv("BRAN_SPEECH_OUTPUT")) {
        const std::string value = forced;
        if (value == "silent") return false;
        if (value == "playback") return true;
    }
    namespace fs = std::filesystem;
    std::error_code ec;
    // pcaudiolib tries PulseAudio (or PipeWire's PulseAudio socket) first, then ALSA.
    if (const char* server = std::getenv("PULSE_SERVER"); server && *server) return true;
    const char* runtime = std::getenv("XDG_RUNTIME_DIR");
    const std::string runtime_dir = runtime && *runtime ? runtime : "/run/user/" + std::to_string(getuid());
    if (fs::exists(runtime_dir + "/pulse/native", ec)) return true;
    for (fs::directory_iterator it("/dev/snd", ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.rfind("pcmC", 0) == 0 && !name.empty() && name.back() == 'p') return true;
    }
    return false;
}

std::vector<short> Speaker::synthesize(const std::string& text, const std::string& locale, int& sample_rate) {
    Espeak& engine = Espeak::instance();
    std::lock_guard<std::mutex> guard(engine.mutex);
    if (!engine.use(AUDIO_OUTPUT_SYNCHRONOUS)) throw LibraryError("espeak-ng could not be initialised");
    engine.set_voice(locale);
    std::vector<short> samples;
    Sink sink{&samples, nullptr};
    if (synth(text, nullptr, &sink) != EE_OK) throw LibraryError("espeak-ng could not synthesize the text");
    sample_rate = engine.sample_rate();
    return samples;
}

void Speaker::write_wav(const std::string& path, const std::vector<short>& samples, int sample_rate) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    auto u32 = [&](std::uint32_t v) {
        const char b[4] = {static_cast<char>(v), static_cast<char>(v >> 8), static_cast<char>(v >> 16), static_cast<char>(v >> 24)};
        out.write(b, 4);
    };
    auto u16 = [&](std::uint16_t v) {
        const char b[2] = {static_cast<char>(v), static_cast<char>(v >> 8)};
        out.write(b, 2);
    };
    const auto data_bytes = static_cast<std::uint32_t>(samples.size() * 2);
    out.write("RIFF", 4);
    u32(36 + data_bytes);
    out.write("WAVEfmt ", 8);
    u32(16);                                         // PCM format chunk size
    u16(1);                                          // PCM
    u16(1);                                          // mono
    u32(static_cast<std::uint32_t>(sample_rate));
    u32(static_cast<std::uint32_t>(sample_rate) * 2);  // bytes per second
    u16(2);                                          // bytes per frame
    u16(16);                                         // bits per sample
    out.write("data", 4);
    u32(data_bytes);
    for (short s : samples) u16(static_cast<std::uint16_t>(s));
    out.flush();
    if (!out) throw IoError(path + ": the sound file could not be written");
}

}  // namespace bran
