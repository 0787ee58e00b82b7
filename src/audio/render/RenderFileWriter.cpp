#include "stemdeck/audio/render/RenderFileWriter.h"

#include <fcntl.h>
#include <sndfile.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <random>
#include <system_error>
#include <utility>

#include "RenderSupport.h"
#include "stemdeck/audio/core/ByteSize.h"
#include "stemdeck/audio/render/RenderMark.h"

namespace stemdeck::audio {

namespace {

// Room kept below 4 GiB in a plain WAV or AIFF for the header and the strings.
constexpr std::uint64_t kHeaderRoom = std::uint64_t{1} << 20;

using Io = RenderFileWriter::Io;

Io& ioOf(void* user) {
    return *static_cast<Io*>(user);
}

// Records the first failure: later calls fail too, but the first errno says why.
sf_count_t failed(Io& io) {
    if (io.error == 0) io.error = errno != 0 ? errno : EIO;
    return -1;
}

sf_count_t ioLength(void* user) {
    Io& io = ioOf(user);
    struct stat st {};
    if (::fstat(io.fd, &st) != 0) return failed(io);
    return st.st_size;
}

sf_count_t ioSeek(sf_count_t offset, int whence, void* user) {
    Io& io = ioOf(user);
    const off_t at = ::lseek(io.fd, offset, whence);
    return at < 0 ? failed(io) : at;
}

sf_count_t ioTell(void* user) {
    return ioSeek(0, SEEK_CUR, user);
}

sf_count_t ioRead(void* ptr, sf_count_t count, void* user) {
    Io& io = ioOf(user);
    sf_count_t done = 0;
    while (done < count) {
        const ssize_t n =
            ::read(io.fd, static_cast<char*>(ptr) + done, static_cast<std::size_t>(count - done));
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            failed(io);
            return done;
        }
        if (n == 0) break;
        done += n;
    }
    return done;
}

// Writes everything or records why not (a full disk: ENOSPC; a file size limit: EFBIG).
sf_count_t ioWrite(const void* ptr, sf_count_t count, void* user) {
    Io& io = ioOf(user);
    sf_count_t done = 0;
    while (done < count) {
        const ssize_t n = ::write(io.fd, static_cast<const char*>(ptr) + done,
                                  static_cast<std::size_t>(count - done));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            if (n == 0) errno = ENOSPC;
            failed(io);
            return done;
        }
        done += n;
    }
    return done;
}

SF_VIRTUAL_IO virtualIo() {
    SF_VIRTUAL_IO vio{};
    vio.get_filelen = ioLength;
    vio.seek = ioSeek;
    vio.read = ioRead;
    vio.write = ioWrite;
    vio.tell = ioTell;
    return vio;
}

// What a failed write means to the user.
std::string writeFailure(int error) {
    switch (error) {
        case 0:
            return "the audio encoder failed";
        case ENOSPC:
            return "the disk is full";
        case EDQUOT:
            return "the disk quota is used up";
        case EFBIG:
            return "the file is larger than this system allows";
        default:
            return std::generic_category().message(error);
    }
}

std::uint64_t bytesPerFrame(int format) {
    switch (format & SF_FORMAT_SUBMASK) {
        case SF_FORMAT_PCM_16:
            return 2 * detail::kRenderChannels;
        case SF_FORMAT_PCM_24:
            return 3 * detail::kRenderChannels;
        default:
            return 4 * detail::kRenderChannels;
    }
}

// A name no other render in the folder has: random, created with O_EXCL. The file gets the
// permissions any new file gets (0666 less the umask), as the target would.
std::filesystem::path createTemporary(const std::filesystem::path& folder, int& fd) {
    constexpr char kLetters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    std::random_device seed;
    std::mt19937 random(seed());
    std::uniform_int_distribution<std::size_t> pick(0, sizeof kLetters - 2);
    for (int attempt = 0; attempt < 100; ++attempt) {
        std::string name = ".stemdeck-";
        for (int i = 0; i < 6; ++i) name += kLetters[pick(random)];
        name += ".partial";
        const std::filesystem::path path = folder / name;
        fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0 || errno != EEXIST) return path;
    }
    errno = EEXIST;
    return {};
}

}  // namespace

RenderFileWriter::Temporary::~Temporary() {
    if (io.fd >= 0) ::close(io.fd);
    if (!kept && !path.empty()) ::unlink(path.c_str());
}

RenderFileWriter::RenderFileWriter(const std::filesystem::path& target, const RenderFilePlan& plan,
                                   int sampleRate)
    : target_(target), plan_(plan), sampleRate_(sampleRate), sf_(nullptr, sf_close) {
    SF_INFO info{};
    info.samplerate = sampleRate;
    info.channels = detail::kRenderChannels;
    info.format = plan.sndfileFormat;
    if (!sf_format_check(&info))
        throw RenderError("cannot write this sample format to " + target.filename().string());
    const std::filesystem::path folder =
        target.parent_path().empty() ? std::filesystem::path(".") : target.parent_path();
    temp_.path = createTemporary(folder, temp_.io.fd);
    if (temp_.io.fd < 0) {
        const int error = errno;
        temp_.path.clear();
        throw RenderError("cannot create " + target.string() + ": " +
                          std::generic_category().message(error));
    }
    SF_VIRTUAL_IO vio = virtualIo();
    sf_.reset(sf_open_virtual(&vio, SFM_WRITE, &info, &temp_.io));
    if (!sf_)
        fail(temp_.io.error != 0 ? writeFailure(temp_.io.error) : "libsndfile cannot write it");
    // Integer formats clip instead of wrapping, should a sample ever reach full scale.
    sf_command(sf_.get(), SFC_SET_CLIPPING, nullptr, SF_TRUE);
    // An RF64 that ends up under 4 GiB after all is written as a plain WAV.
    if (plan.container == RenderContainer::Rf64)
        sf_command(sf_.get(), SFC_RF64_AUTO_DOWNGRADE, nullptr, SF_TRUE);
    // The loader leaves marked files out of songs: a render is never taken for a stem.
    const std::string mark(kRenderSoftwareMark);
    if (sf_set_string(sf_.get(), SF_STR_SOFTWARE, mark.c_str()) != 0)
        fail("cannot mark it as a stemdeck render");
}

void RenderFileWriter::fail(const std::string& reason) const {
    throw RenderError("cannot write " + target_.string() + ": " + reason);
}

void RenderFileWriter::failWriting() const {
    std::error_code ec;
    const std::uintmax_t wrote = std::filesystem::file_size(temp_.path, ec);
    const std::uint64_t done = ec ? 0 : wrote;
    fail(writeFailure(temp_.io.error) + " (wrote " + byteSizeText(done) +
         (done < plan_.estimatedBytes ? " of ~" + byteSizeText(plan_.estimatedBytes) : "") + ")");
}

void RenderFileWriter::write(const float* interleaved, int frames) {
    const bool classic =
        plan_.container == RenderContainer::Wav || plan_.container == RenderContainer::Aiff;
    const auto total =
        static_cast<std::uint64_t>(frames_ + frames) * bytesPerFrame(plan_.sndfileFormat);
    // Only if the estimate was wrong: a header whose sizes wrap reads back as a short file.
    if (classic && total > render_limits::kClassicSizeLimit - kHeaderRoom)
        fail("it would pass 4 GB, more than this format can hold; use .flac");
    const sf_count_t written = sf_writef_float(sf_.get(), interleaved, frames);
    if (temp_.io.error != 0 || written != frames) failWriting();
    frames_ += written;
}

void RenderFileWriter::commit() {
    // Closing writes the last pages (Ogg, FLAC) and the final header: checked like the rest.
    const int closed = sf_close(sf_.release());
    if (temp_.io.error != 0 || closed != 0) failWriting();
    const int fd = std::exchange(temp_.io.fd, -1);
    const bool synced = ::fsync(fd) == 0;
    if (!synced) temp_.io.error = errno;
    if (::close(fd) != 0 && synced) temp_.io.error = errno;
    if (temp_.io.error != 0) failWriting();
    // The file as a player will see it: every frame there, at the right rate.
    SF_INFO info{};
    SNDFILE* check = sf_open(temp_.path.c_str(), SFM_READ, &info);
    if (check) sf_close(check);
    if (!check || info.frames != frames_ || info.channels != detail::kRenderChannels ||
        info.samplerate != sampleRate_)
        fail("it does not read back whole (" + std::to_string(check ? info.frames : 0) + " of " +
             std::to_string(frames_) + " frames)");
    std::error_code ec;
    std::filesystem::rename(temp_.path, target_, ec);
    if (ec) fail(ec.message());
    temp_.kept = true;
}

}  // namespace stemdeck::audio
