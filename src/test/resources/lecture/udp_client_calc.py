# The lecture's UDP calc client (Tema 4, client_calc.py over UDP), restated for the end-to-end
# test: three native unsigned ints packed with struct 'III', one 4-byte unsigned int back.
import socket
import struct
import sys

if len(sys.argv) < 3:
    print('Uso: client_calc <host> <port>')
    sys.exit(1)

a, b, op = 10, 500, 0
if len(sys.argv) >= 6:
    a, b, op = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])

sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sock.settimeout(10)
try:
    server = (sys.argv[1], int(sys.argv[2]))
    sock.sendto(struct.pack('III', a, b, op), server)
    message, addr = sock.recvfrom(1024)
    print(struct.unpack('I', message))
finally:
    print('closing socket')
    sock.close()
