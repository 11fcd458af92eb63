import '../../components/ui/style.css';
import { mount } from '../../components/ui/mount';
import { Report } from '../../components/ui/Report';

mount(() => <Report />);
